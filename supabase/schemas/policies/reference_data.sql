-- Regions, categories, municipalities, their aliases and former town page addresses: public
-- reference data, written only by migrations.
create policy "Anyone can read the regions" on public.regions for select using (true);
create policy "Anyone can read the categories" on public.categories for select using (true);
create policy "Anyone can read the municipalities" on public.municipalities for select using (true);
create policy "Anyone can read the municipality aliases" on public.municipality_aliases for select using (true);
create policy "Anyone can read the town pages that moved" on public.municipality_slug_changes for select using (true);
