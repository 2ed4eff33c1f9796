-- same_town_and_name('Chicoutimi', '94068', 'Boulangerie X', 'Saguenay', '94068', 'Boulangerie X inc.') = true
-- Two businesses of one name (private.name_key: accents, case, punctuation and legal suffixes
-- aside) in one town, the town as written or its municipality: "Chicoutimi" and "Saguenay" are one
-- town. The duplicate rule of the pre-check, the comparison and the recheck after a decision.
-- SQL with no SET clause, so that it is inlined and the indexes on both forms serve it.
create or replace function private.same_town_and_name(town_a text, code_a text, name_a text, town_b text, code_b text, name_b text)
returns boolean
language sql immutable parallel safe
as $$
  select private.name_key(name_a) = private.name_key(name_b)
    and (private.name_key(town_a) = private.name_key(town_b) or code_a = code_b)
$$;
