import type { TemplateList } from '../../shared/schemas/template';
import { Icon } from '../ui/Icons';

/**
 * Template files in the folder that could not be used, said quietly: they never stop anyone
 * creating an assessment from the templates that are fine.
 */
export function TemplateProblems({ problems }: { problems: TemplateList['problems'] }) {
  if (problems.length === 0) return null;
  const count = problems.length === 1 ? '1 template' : `${problems.length} templates`;
  return (
    <div className="template-problems">
      <Icon name="warning" size={16} />
      <div>
        {problems.length === 1 ? (
          <p>
            {count} in your folder could not be used: {problems[0]!.message}
          </p>
        ) : (
          <>
            <p>{count} in your folder could not be used:</p>
            <ul>
              {problems.map((p) => (
                <li key={p.file}>{p.message}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
