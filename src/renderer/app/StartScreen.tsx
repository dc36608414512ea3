import { Button } from 'react-aria-components';
import type { RecentFile } from '../../shared/schemas/assessment';
import { Icon } from '../ui/Icons';
import { RecentList } from './RecentList';

/** The app's name across the top of the screens shown before an assessment is open. */
function BrandHeader() {
  return (
    <header className="start-header">
      <span className="brand-mark" aria-hidden="true">
        PC
      </span>
      <span className="brand-name">Peer Challenge Studio</span>
    </header>
  );
}

/** What the user sees with no assessment open. */
export function StartScreen(props: {
  recent: RecentFile[];
  onCreate(): void;
  onCreateFromPrevious(): void;
  onOpen(): void;
  onOpenRecent(path: string): void;
  onForget(path: string): void;
}) {
  return (
    <div className="start">
      <BrandHeader />
      <main className="start-main" id="main">
        <h1 className="start-title">Write your position statement</h1>
        <p className="start-lede">
          Draft your council’s Corporate Peer Challenge position statement, section by section, in one file. Your
          changes are saved automatically.
        </p>
        <div className="start-actions">
          <Button className="start-card" onPress={props.onCreate}>
            <Icon name="plus" size={22} />
            <span>
              <span className="start-card-title">Create a new assessment</span>
              <span className="start-card-text">Start from the LGA’s five themes</span>
            </span>
          </Button>
          <Button className="start-card" onPress={props.onOpen}>
            <Icon name="folder" size={22} />
            <span>
              <span className="start-card-title">Open an assessment</span>
              <span className="start-card-text">Carry on with a .pcstudio file</span>
            </span>
          </Button>
          <Button className="start-card start-card-wide" onPress={props.onCreateFromPrevious}>
            <Icon name="plus" size={22} />
            <span>
              <span className="start-card-title">New assessment from a previous one</span>
              <span className="start-card-text">Carry over last time’s text, evidence and recommendations</span>
            </span>
          </Button>
        </div>
        <section className="start-recent" aria-labelledby="recent-heading">
          <h2 id="recent-heading" className="subheading">
            Recent assessments
          </h2>
          {props.recent.length === 0 ? (
            <p className="muted">Assessments you open will be listed here.</p>
          ) : (
            <RecentList recent={props.recent} onOpen={props.onOpenRecent} onForget={props.onForget} />
          )}
        </section>
      </main>
    </div>
  );
}

export function NoTokenScreen() {
  return (
    <div className="start">
      <BrandHeader />
      <main className="start-main" id="main">
        <h1 className="start-title">Open the link from the terminal</h1>
        <p className="start-lede">
          Open the link printed in the terminal by <code>npm run web</code>. It carries a key that lets this browser tab
          talk to Peer Challenge Studio on your computer.
        </p>
      </main>
    </div>
  );
}
