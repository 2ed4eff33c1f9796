// Fills the signup page's form (src/components/RegisterPage.astro) in Chromium, as an applicant would.
import type { Page } from 'playwright-core';

export type FormValues = { name: string; neq: string; phone: string; email: string; website?: string };

export async function fillRegistrationForm(page: Page, { name, neq, phone, email, website = 'boulangerie-test.example.ca' }: FormValues): Promise<void> {
  await page.fill('#reg-name', name);
  await page.fill('#reg-neq', neq);
  await page.selectOption('#reg-category', 'boulangerie-patisserie');
  await page.fill('#reg-description', 'Pain au levain et viennoiseries.');
  await page.fill('#reg-address', '123, rue Saint-Denis');
  await page.fill('#reg-city', 'Montréal');
  await page.fill('#reg-postalCode', 'h2x 1y4');
  await page.fill('#reg-phone', phone);
  await page.fill('#reg-email', email);
  await page.fill('#reg-website', website);
  await page.fill('#reg-links', 'https://www.instagram.com/boulangerie.test\nfacebook.com/boulangerie.test');
  await page.check('#reg-consent');
}
