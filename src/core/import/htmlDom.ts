import { Window } from 'happy-dom';

/**
 * A DOM in Node for the importer: happy-dom (the one Lexical's own headless HTML support uses,
 * already installed with @lexical/headless), with scripts, network and timers off. mammoth's HTML
 * never holds scripts, but the DOM must not run or fetch anything whatever it is given.
 */
export interface HtmlDom {
  parse(html: string): Document;
  close(): void;
}

export function createHtmlDom(): HtmlDom {
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  const parser = new window.DOMParser();
  return {
    parse: (html) => parser.parseFromString(`<!DOCTYPE html><html><body>${html}</body></html>`, 'text/html') as unknown as Document,
    close: () => {
      void window.happyDOM.close();
    },
  };
}
