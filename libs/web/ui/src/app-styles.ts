// Every Mantine component's styles, for the app behind the sign-in form: import it from the
// chunk that loads after sign-in. The first screen carries only its own (ui-provider.tsx); the
// rules repeated here are the same, and coming later they restore Mantine's full order.
import '@mantine/core/styles.css';
