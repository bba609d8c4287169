/**
 * Strings of the automatic answer on the ticket page (namespace `kbAutoAnswer`): the
 * knowledge-base articles offered when the request was filed, and closing it with one of them.
 */
export default {
  title: 'These articles may help',
  text: 'If one of them solves your problem, close the request with it: no need to wait for us.',
  textNoClose: 'Maybe one of them already answers your question.',
  solved: 'This solved my problem — close the request',
  solvedFor: 'This solved my problem: “{{title}}” — close the request',
  confirmNamed: 'You came from the link in our mail: press the button to close the request.',
  closed: 'Glad the article helped. We have marked your request as solved.',
} as const;
