import { Button } from 'react-aria-components';
import type { RecentFile } from '../../shared/schemas/assessment';
import { Icon } from '../ui/Icons';
import { formatWhen } from './format';

/** Recently opened assessments; a file that has moved or gone is marked and can be removed. */
export function RecentList(props: {
  recent: RecentFile[];
  onOpen(path: string): void;
  onForget(path: string): void;
  compact?: boolean;
}) {
  return (
    <ul className={`recent-list${props.compact ? ' recent-compact' : ''}`} aria-label="Recent assessments">
      {props.recent.map((file) => (
        <li key={file.path} className={`recent-item${file.exists ? '' : ' is-missing'}`}>
          {file.exists ? (
            // The name holds all the visible text (WCAG 2.5.3, "label in name"), "Open" before it.
            <Button
              className="recent-open"
              onPress={() => props.onOpen(file.path)}
              aria-label={`Open ${file.councilName ?? file.fileName}, ${file.fileName} · opened ${formatWhen(file.openedAt)}`}
            >
              <Icon name="file" size={20} />
              <span className="recent-text">
                <span className="recent-council">{file.councilName ?? file.fileName}</span>{' '}
                <span className="recent-meta">
                  {file.fileName} · opened {formatWhen(file.openedAt)}
                </span>
              </span>
            </Button>
          ) : (
            <div className="recent-open recent-missing">
              <Icon name="warning" size={20} />
              <span className="recent-text">
                <span className="recent-council">{file.councilName ?? file.fileName}</span>
                <span className="recent-meta">
                  <strong>File missing</strong> — it may have been moved or deleted. {file.path}
                </span>
              </span>
            </div>
          )}
          {!file.exists ? (
            <Button className="button button-quiet" onPress={() => props.onForget(file.path)} aria-label={`Remove from list: ${file.fileName}`}>
              Remove from list
            </Button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
