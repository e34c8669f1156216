/** The Custom Elements Manifest, read by Storybook for controls and API tables. */
declare module '*/custom-elements.json' {
  const manifest: unknown;
  export default manifest;
}
