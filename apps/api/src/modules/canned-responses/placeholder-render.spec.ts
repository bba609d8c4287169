import { renderPlaceholders } from './placeholder-render';

describe('renderPlaceholders', () => {
  const values = new Map<string, string | null>([
    ['ticket.number', '1042'],
    ['ticket.subject', 'Boiler says {{agent.name}}'],
    ['agent.name', 'Anna'],
    ['organization.name', null],
  ]);

  it('fills known names, keeps unknown ones visible and reports both', () => {
    const out = renderPlaceholders(
      'Re #{{ticket.number}} ({{ ticket.subject }}) from {{agent.name}}{{organization.name}} {{foo.bar}}',
      values,
    );
    expect(out.body).toBe('Re #1042 (Boiler says {{agent.name}}) from Anna {{foo.bar}}');
    expect(out.unknownPlaceholders).toEqual(['foo.bar']);
    expect(out.emptyPlaceholders).toEqual(['organization.name']);
  });

  it('does not treat a filled value as a template (no recursion)', () => {
    const out = renderPlaceholders('{{ticket.subject}}', values);
    expect(out.body).toBe('Boiler says {{agent.name}}');
  });

  it('leaves malformed braces as text', () => {
    expect(renderPlaceholders('{{ }} {{{agent.name}}} {agent.name}', values).body).toBe(
      '{{ }} {Anna} {agent.name}',
    );
  });
});
