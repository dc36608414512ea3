import {
  $applyNodeReplacement,
  DecoratorNode,
  type DOMConversionMap,
  type DOMConversionOutput,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';
import { STATEMENT_NODE_TYPES } from '../nodeTypes';
import { isImageSize, type ImageSize } from './imageSizes';

export { IMAGE_SIZES, IMAGE_SIZE_FRACTION, isImageSize, type ImageSize } from './imageSizes';

export type SerializedImageNode = Spread<
  {
    /** The stored picture: the sha256 of its bytes in the assessment's blob store (`file-store`, `image-store`). */
    blobId: string;
    /** What the picture shows, for people who cannot see it; '' until the writer gives it. */
    altText: string;
    /** The picture's own size in pixels (0 when not known); the export scales it to fit the page. */
    width: number;
    height: number;
    /** How large it is drawn, in the editor and in Word; absent: its own size, scaled down to fit. */
    size?: ImageSize;
  },
  SerializedLexicalNode
>;

/** The attribute an <img> carries when it stands for a stored picture (copy and paste, Word import). */
export const IMAGE_BLOB_ATTRIBUTE = 'data-pcs-blob';
/** …and the size chosen for it, so copy and paste keeps it. */
export const IMAGE_SIZE_ATTRIBUTE = 'data-pcs-size';

function imageClass(config: EditorConfig, size: ImageSize | null): string {
  const base = config.theme['image'] ?? 'pcs-image';
  return size ? `${base} pcs-image-size-${size}` : base;
}

/**
 * What the editor shows for a picture. The document layer is shared with the headless core, so it
 * knows nothing of React: the renderer sets this once (src/renderer/images) and `decorate()` calls
 * it; headlessly nothing ever calls `decorate()`, and it gives null.
 */
export type ImageDecorator = (node: ImageNode) => unknown;
let imageDecorator: ImageDecorator = () => null;
export function setImageDecorator(render: ImageDecorator): void {
  imageDecorator = render;
}

/**
 * A picture in the statement, stored inside the assessment (never a link to a file elsewhere).
 * Inline, like a picture in a Word paragraph, so a picture pasted or imported inside a line stays
 * where it was. It has no words of its own: the one document walk (../visitor) reports it as a
 * leaf with empty text, so word counts ignore it, and the export and the export's warnings read
 * its fields (blobId, altText, width, height).
 *
 * Saved as `{ type: "image", version: 1, blobId, altText, width, height, size? }`.
 */
export class ImageNode extends DecoratorNode<unknown> {
  __blobId: string;
  __altText: string;
  __width: number;
  __height: number;
  __size: ImageSize | null;

  static override getType(): string {
    return STATEMENT_NODE_TYPES.image;
  }

  static override clone(node: ImageNode): ImageNode {
    return new ImageNode(node.__blobId, node.__altText, node.__width, node.__height, node.__size, node.__key);
  }

  constructor(blobId = '', altText = '', width = 0, height = 0, size: ImageSize | null = null, key?: NodeKey) {
    super(key);
    this.__blobId = blobId;
    this.__altText = altText;
    this.__width = width;
    this.__height = height;
    this.__size = size;
  }

  getBlobId(): string {
    return this.getLatest().__blobId;
  }

  getAltText(): string {
    return this.getLatest().__altText;
  }

  setAltText(altText: string): this {
    const writable = this.getWritable();
    writable.__altText = altText;
    return writable;
  }

  getWidth(): number {
    return this.getLatest().__width;
  }

  getHeight(): number {
    return this.getLatest().__height;
  }

  /** The chosen size, or null for the picture's own size (scaled down to fit). */
  getSize(): ImageSize | null {
    return this.getLatest().__size;
  }

  setSize(size: ImageSize | null): this {
    const writable = this.getWritable();
    writable.__size = size;
    return writable;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const span = document.createElement('span');
    span.className = imageClass(config, this.__size);
    return span;
  }

  /** The outer element's class carries the size (a share of the text's width, see images.css). */
  override updateDOM(prevNode: this, dom: HTMLElement, config: EditorConfig): false {
    if (prevNode.__size !== this.__size) dom.className = imageClass(config, this.__size);
    return false;
  }

  override decorate(): unknown {
    return imageDecorator(this);
  }

  override isInline(): true {
    return true;
  }

  /** Copy and paste between editors, and HTML export: an <img> that names the stored picture. */
  override exportDOM(): DOMExportOutput {
    const img = document.createElement('img');
    img.setAttribute(IMAGE_BLOB_ATTRIBUTE, this.__blobId);
    img.setAttribute('alt', this.__altText);
    if (this.__width > 0) img.setAttribute('width', String(this.__width));
    if (this.__height > 0) img.setAttribute('height', String(this.__height));
    if (this.__size) img.setAttribute(IMAGE_SIZE_ATTRIBUTE, this.__size);
    return { element: img };
  }

  /**
   * Only an <img> that names a stored picture becomes one: a web page's <img src="https://…">
   * would be a link to a file outside the assessment, so it is left to the paste code to say so.
   */
  static override importDOM(): DOMConversionMap | null {
    return {
      img: (element: HTMLElement) =>
        /^[0-9a-f]{64}$/.test(element.getAttribute(IMAGE_BLOB_ATTRIBUTE) ?? '')
          ? {
              conversion: (img: HTMLElement): DOMConversionOutput => ({
                node: $createImageNode({
                  blobId: img.getAttribute(IMAGE_BLOB_ATTRIBUTE) ?? '',
                  altText: (img.getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim(),
                  width: Number(img.getAttribute('width')) || 0,
                  height: Number(img.getAttribute('height')) || 0,
                  size: img.getAttribute(IMAGE_SIZE_ATTRIBUTE),
                }),
              }),
              priority: 1,
            }
          : null,
    };
  }

  static override importJSON(serializedNode: SerializedImageNode): ImageNode {
    return $createImageNode({
      blobId: typeof serializedNode.blobId === 'string' ? serializedNode.blobId : '',
      altText: typeof serializedNode.altText === 'string' ? serializedNode.altText : '',
      width: typeof serializedNode.width === 'number' ? serializedNode.width : 0,
      height: typeof serializedNode.height === 'number' ? serializedNode.height : 0,
      size: serializedNode.size,
    }).updateFromJSON(serializedNode);
  }

  override exportJSON(): SerializedImageNode {
    return {
      ...super.exportJSON(),
      type: ImageNode.getType(),
      version: 1,
      blobId: this.getBlobId(),
      altText: this.getAltText(),
      width: this.getWidth(),
      height: this.getHeight(),
      // Only when chosen, so pictures saved before sizes existed read (and save) the same.
      ...(this.getSize() ? { size: this.getSize()! } : {}),
    };
  }
}

export interface ImageFields {
  blobId: string;
  altText?: string;
  width?: number;
  height?: number;
  /** Anything but a known size (a damaged file, an old copy) is read as "its own size". */
  size?: unknown;
}

export function $createImageNode(fields: ImageFields): ImageNode {
  return $applyNodeReplacement(
    new ImageNode(fields.blobId, fields.altText ?? '', fields.width ?? 0, fields.height ?? 0, isImageSize(fields.size) ? fields.size : null),
  );
}

export function $isImageNode(node: LexicalNode | null | undefined): node is ImageNode {
  return node instanceof ImageNode;
}
