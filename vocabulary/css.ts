/**
 * The cascade layer order of the site's stylesheet (site/styles/global.css declares the same; a unit test
 * keeps the two equal). Every page states it first in <head> (site/layouts/Base.astro), and so do the pages
 * the CMS renders with the site's stylesheet (cms/endpoints/site-css.ts): a layer ranks where it first
 * appears, and stylesheets arrive in an order nobody controls.
 */
export const CSS_LAYER_ORDER = '@layer reset, base, layout, components, utilities;'
