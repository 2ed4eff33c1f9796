-- Reference data every listing points to: Quebec's 17 administrative regions, the directory's
-- categories, and (in the next migration) the province's municipalities. Readable by everyone
-- (supabase/schemas/policies), written only by migrations. The private schema and its helpers are
-- in supabase/schemas/helpers, applied before any migration.

-- Postgres lets everyone execute a new function. Here nothing is callable unless a migration grants
-- it by name (private helpers) or the platform's default privileges do (functions in public, which
-- check the caller themselves): some helpers are security definer and read private data. A
-- per-schema rule cannot take back the global grant, hence the global form.
alter default privileges revoke execute on functions from public;

-- Quebec's administrative regions, numbered as the Institut de la statistique du Québec does.
create table public.regions (
  code text primary key check (code ~ '^(0[1-9]|1[0-7])$'),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name_fr text not null,
  name_en text not null
);
alter table public.regions enable row level security;

create table public.categories (
  slug text primary key check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name_fr text not null,
  name_en text not null,
  position smallint not null
);
alter table public.categories enable row level security;

insert into public.regions (code, slug, name_fr, name_en) values
  ('01', 'bas-saint-laurent', 'Bas-Saint-Laurent', 'Bas-Saint-Laurent'),
  ('02', 'saguenay-lac-saint-jean', 'Saguenay–Lac-Saint-Jean', 'Saguenay–Lac-Saint-Jean'),
  ('03', 'capitale-nationale', 'Capitale-Nationale', 'Capitale-Nationale'),
  ('04', 'mauricie', 'Mauricie', 'Mauricie'),
  ('05', 'estrie', 'Estrie', 'Eastern Townships'),
  ('06', 'montreal', 'Montréal', 'Montreal'),
  ('07', 'outaouais', 'Outaouais', 'Outaouais'),
  ('08', 'abitibi-temiscamingue', 'Abitibi-Témiscamingue', 'Abitibi-Témiscamingue'),
  ('09', 'cote-nord', 'Côte-Nord', 'Côte-Nord'),
  ('10', 'nord-du-quebec', 'Nord-du-Québec', 'Nord-du-Québec'),
  ('11', 'gaspesie-iles-de-la-madeleine', 'Gaspésie–Îles-de-la-Madeleine', 'Gaspésie–Îles-de-la-Madeleine'),
  ('12', 'chaudiere-appalaches', 'Chaudière-Appalaches', 'Chaudière-Appalaches'),
  ('13', 'laval', 'Laval', 'Laval'),
  ('14', 'lanaudiere', 'Lanaudière', 'Lanaudière'),
  ('15', 'laurentides', 'Laurentides', 'Laurentians'),
  ('16', 'monteregie', 'Montérégie', 'Montérégie'),
  ('17', 'centre-du-quebec', 'Centre-du-Québec', 'Centre-du-Québec');

insert into public.categories (slug, name_fr, name_en, position) values
  ('epicerie-alimentation', 'Épicerie et alimentation', 'Grocery and food', 1),
  ('boulangerie-patisserie', 'Boulangerie et pâtisserie', 'Bakery and pastry', 2),
  ('boucherie-poissonnerie', 'Boucherie, poissonnerie et fromagerie', 'Butcher, fishmonger and cheese', 3),
  ('restaurant-cafe', 'Restaurant et café', 'Restaurant and café', 4),
  ('bieres-vins-spiritueux', 'Bières, vins et spiritueux', 'Beer, wine and spirits', 5),
  ('mode-vetements', 'Mode et vêtements', 'Fashion and clothing', 6),
  ('maison-decoration', 'Maison et décoration', 'Home and decor', 7),
  ('librairie-papeterie', 'Librairie et papeterie', 'Books and stationery', 8),
  ('artisanat-metiers-d-art', 'Artisanat et métiers d''art', 'Crafts and fine crafts', 9),
  ('sante-beaute', 'Santé et beauté', 'Health and beauty', 10),
  ('sports-plein-air', 'Sports et plein air', 'Sports and outdoors', 11),
  ('jouets-enfants', 'Jouets et enfants', 'Toys and children', 12),
  ('quincaillerie-renovation', 'Quincaillerie et rénovation', 'Hardware and renovation', 13),
  ('fleuriste-jardinage', 'Fleuriste et jardinage', 'Florist and gardening', 14),
  ('animaux', 'Animaux', 'Pets', 15),
  ('services', 'Services de proximité', 'Local services', 16);
