/**
 * Computed styles of every element the widget rendered in each scene (the
 * step element itself included, its margin excepted: that is the page's
 * layout), keyed by scene and a path of tag names and classes, so two pages
 * can be compared property by property. The properties are those that change
 * how an element looks or where it sits (box, colour, type, decoration,
 * flex and grid); the used width and height catch every other layout change.
 */
export function widgetStyles(page) {
  return page.evaluate(() => {
    const skipped = new Set(['margin-top', 'margin-right', 'margin-bottom', 'margin-left', 'margin-block-start', 'margin-block-end', 'margin-inline-start', 'margin-inline-end']);
    const offsets = new Set(['top', 'left']);
    const properties = [
      ...['display', 'position', 'float', 'clear', 'box-sizing', 'width', 'height', 'min-width', 'min-height', 'max-width', 'max-height'],
      ...['margin-top', 'margin-right', 'margin-bottom', 'margin-left', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left'],
      ...['border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width', 'border-top-style', 'border-bottom-style'],
      ...['border-top-color', 'border-bottom-color', 'border-top-left-radius', 'border-bottom-right-radius'],
      ...['color', 'background-color', 'background-image', 'opacity', 'box-shadow', 'outline-style', 'outline-width', 'outline-color', 'visibility'],
      ...['font-family', 'font-size', 'font-weight', 'font-style', 'line-height', 'letter-spacing', 'word-spacing', 'text-transform'],
      ...['text-align', 'text-indent', 'text-decoration-line', 'text-shadow', 'white-space', 'vertical-align', 'list-style-type', 'list-style-position'],
      ...['appearance', 'accent-color', 'cursor', 'overflow-x', 'overflow-y', 'transform', 'filter', 'clip-path', 'top', 'left'],
      ...['flex-direction', 'flex-wrap', 'flex-grow', 'flex-shrink', 'flex-basis', 'justify-content', 'align-items', 'row-gap', 'column-gap', 'grid-template-columns'],
    ];
    // SVG shapes are not CSS boxes (margins, borders, box sizing do nothing to them): what they paint is compared.
    const svgProperties = ['display', 'visibility', 'opacity', 'width', 'height', 'color', 'fill', 'stroke', 'stroke-width', 'transform'];
    const result = {};
    for (const section of document.querySelectorAll('section[data-scene]')) {
      const widget = section.firstElementChild;
      if (!widget) continue;
      const elements = [widget, ...widget.querySelectorAll('*')];
      elements.forEach((element, index) => {
        const path = `${section.dataset.scene} ${index} ${element.localName}${element.className && typeof element.className === 'string' ? `.${element.className.trim().split(/\s+/).join('.')}` : ''}`;
        const style = getComputedStyle(element);
        const values = {};
        // An absolutely placed element's offsets are resolved against the page: they say nothing about its look.
        const placed = style.position === 'absolute' || style.position === 'fixed';
        const shape = element.closest('svg') !== null && element.localName !== 'svg';
        for (const property of shape ? svgProperties : [...properties, ...(element.localName === 'svg' ? ['fill', 'stroke'] : [])]) {
          if (property.startsWith('--') || (element === widget && skipped.has(property))) continue;
          if (placed && offsets.has(property)) continue;
          values[property] = style.getPropertyValue(property);
        }
        result[path] = values;
        for (const pseudo of ['::before', '::after']) {
          const content = getComputedStyle(element, pseudo).getPropertyValue('content');
          if (content !== 'none' && content !== 'normal') result[`${path}${pseudo}`] = { content };
        }
      });
    }
    return result;
  });
}

/** The differences between two `widgetStyles` results, as readable lines (at most `limit`). */
export function styleDifferences(expected, actual, limit = 40) {
  const lines = [];
  for (const path of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
    if (!(path in actual)) lines.push(`${path}: missing`);
    else if (!(path in expected)) lines.push(`${path}: unexpected`);
    else {
      for (const [property, value] of Object.entries(expected[path])) {
        if (actual[path][property] !== value) lines.push(`${path} ${property}: ${value} → ${actual[path][property]}`);
      }
    }
    if (lines.length >= limit) break;
  }
  return lines;
}
