-- Montréal keeps its accent in English, as the Government of Quebec and Statistics Canada write the
-- region's name; "Montreal" beside the town of "Montréal" on the same English page read as a mistake.
update public.regions set name_en = 'Montréal' where code = '06';
