import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/filing-access';

export default {
  title: 'Nové požadavky zakládat nemůžete',
  text: 'Vaše organizace dovoluje zakládat požadavky jen určeným lidem a vy mezi nimi nejste. Požádejte některého z nich nebo svého správce, aby požadavek založil za vás.',
  replies: 'Své dosavadní požadavky můžete dál sledovat a odpovídat na ně v „Moje požadavky“.',
  back: 'Zpět na moje požadavky',
} satisfies Translation<typeof en>;
