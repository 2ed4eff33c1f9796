-- Regions, categories and municipalities: public reference data, written only by migrations.
create policy "Anyone can read the regions" on public.regions for select using (true);
create policy "Anyone can read the categories" on public.categories for select using (true);
create policy "Anyone can read the municipalities" on public.municipalities for select using (true);
