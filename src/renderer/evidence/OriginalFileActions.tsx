import { Button } from 'react-aria-components';
import type { EvidenceItem } from '../../shared/schemas/evidence';
import { api, transport } from '../api';
import { ErrorMessage } from '../ui/Dialog';
import { useFormTask } from '../ui/FormDialog';

/**
 * The item's original file: in the desktop app "Open in its own app" (the core writes a
 * temporary copy, the main process hands it to the system's viewer); in browser mode "Download
 * original", from a short-lived capability link, under the file's own name. A web link has no
 * file: its address is offered instead.
 */
export function OriginalFileActions({ item }: { item: EvidenceItem }) {
  // Always shown while its dialog is: the error and busy state of a form that is always open.
  const { error, busy, run } = useFormTask(true);
  const act = (task: () => Promise<void>) => () => run(task);
  if (!item.hash || !item.fileName) {
    return item.sourceUrl ? (
      <p className="evidence-original">
        <a href={item.sourceUrl} target="_blank" rel="noreferrer noopener">
          Open the web page
        </a>
      </p>
    ) : null;
  }
  const fileName = item.fileName;
  const hash = item.hash;
  return (
    <div className="evidence-original">
      {transport?.kind === 'electron' ? (
        <Button className="button button-secondary" isDisabled={busy} onPress={act(async () => void (await api['shell-open-evidence']({ id: item.id })))}>
          Open in its own app
        </Button>
      ) : (
        <Button
          className="button button-secondary"
          isDisabled={busy}
          onPress={act(async () => {
            // A fresh capability each time: it lasts a minute, so one made when the dialog opened may have gone.
            const { capability } = await api['file-display-link']({ blobId: hash });
            const link = document.createElement('a');
            link.href = transport!.blobUrl(capability);
            link.download = fileName;
            link.rel = 'noopener';
            document.body.append(link);
            link.click();
            link.remove();
          })}
        >
          Download original
        </Button>
      )}
      <span className="evidence-original-name">{fileName}</span>
      <ErrorMessage message={error} />
    </div>
  );
}
