/**
 * Strings of the notice a contact sees when their organization lets only its authorized
 * requesters file new requests (namespace `filingAccess`, issue 18).
 */
export default {
  title: 'You cannot file new requests',
  text: 'Your organization lets only named people file requests with us, and you are not one of them. Please ask one of them, or your administrator, to file it for you.',
  replies: 'You can still follow your existing requests and reply to them in “My requests”.',
  back: 'Back to my requests',
} as const;
