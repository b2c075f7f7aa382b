/// <reference types="astro/client" />
/// <reference path="../node_modules/astro/types/content.d.ts" />
