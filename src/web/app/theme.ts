import {
  Anchor,
  type CSSVariablesResolver,
  createTheme,
  darken,
  defaultVariantColorsResolver,
  type MantineColorsTuple,
  parseThemeColor,
  type VariantColorsResolver,
} from '@mantine/core';

// The green of Morocco's flag (#006233), in ten shades. Shade 8 carries white text at 7:1.
const mawid: MantineColorsTuple = [
  '#e7f5ed',
  '#cfe9da',
  '#a1d3b6',
  '#6fbb8f',
  '#46a66f',
  '#2d985b',
  '#1c8a4e',
  '#0e7640',
  '#006233',
  '#004f29',
];

// Arabic letters come from the bundled Noto Naskh Arabic (its @font-face covers only Arabic
// code points: fonts.css), Latin ones from the device's own interface font.
export const deviceFontFamily =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Liberation Sans', sans-serif";
const fontFamily = `'Noto Naskh Arabic', ${deviceFontFamily}`;

// Mantine's "light" variants (badges, alerts, light buttons) write shade 6–9 text on a pale tint:
// 3.3–4.4:1, under WCAG AA. Their text is darkened until it reads at 4.5:1 or more.
const variantColorResolver: VariantColorsResolver = (input) => {
  const colours = defaultVariantColorsResolver(input);
  if (input.variant !== 'light') return colours;
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || !parsed.color) return colours;
  const text = darken(input.theme.colors[parsed.color]?.[9] ?? '#000', 0.35);
  return { ...colours, color: text, hoverColor: text };
};

export const theme = createTheme({
  variantColorResolver,
  components: {
    // Links inside sentences must not be told apart by colour alone (WCAG 1.4.1).
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
  },
  primaryColor: 'mawid',
  primaryShade: 8,
  colors: { mawid },
  fontFamily,
  headings: { fontFamily },
  // Text on filled colours turns black or white, whichever reads better (WCAG contrast).
  autoContrast: true,
  defaultRadius: 'md',
  focusRing: 'always',
});

// Mantine's "dimmed" grey (3.3:1) and error red (3.3:1) are too pale for WCAG AA text on white.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});
