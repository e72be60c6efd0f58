/**
 * The reference agreement in its three authentic languages. German is formal
 * (Sie-free, legal register), Korean uses the formal 합니다체. The parties are named
 * in lists rather than inside sentences, so that any order (alternat) and any party
 * reads correctly without articles or particles depending on the name.
 */

export type AgreementLanguage = 'en' | 'de' | 'ko';

export interface AgreementParagraph {
  /** "(1)", "a)", "①", "가." — set as a hanging label. */
  label?: string;
  text: string;
  /** Items set one level deeper (lists inside a paragraph). */
  items?: { label: string; text: string }[];
}

export interface AgreementArticle {
  heading: string;
  paragraphs: AgreementParagraph[];
}

export interface AgreementText {
  documentKind: string;
  title: string;
  between: string;
  and: string;
  after: string;
  preambleIntro: string;
  hereinafter: string;
  recitals: string[];
  recitalsClose: string;
  articles: AgreementArticle[];
  signatureHeading: string;
  inWitness: string;
  forParty: (partyName: string) => string;
  inPresenceOf: string;
  pageOf: (page: number, total: number) => string;
  languageVersion: string;
}

/** Korean object particle 을/를 after a name (digits and Latin letters read as spoken). */
export function koreanObjectParticle(name: string): string {
  const last = name
    .trim()
    .replace(/[)\]）」』"'”’.\s]+$/u, '')
    .slice(-1);
  if (!last) return '를';
  const code = last.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) return (code - 0xac00) % 28 === 0 ? '를' : '을';
  // 영 일 이 삼 사 오 육 칠 팔 구: a final consonant after 0, 1, 3, 6, 7, 8.
  if (/[0-9]/.test(last)) return '013678'.includes(last) ? '을' : '를';
  // Latin letters read in Korean: L, M, N, R end in a consonant sound.
  if (/[lmnrLMNR]/.test(last)) return '을';
  return '를';
}

export const AGREEMENT_TEXTS: Record<AgreementLanguage, AgreementText> = {
  en: {
    documentKind: 'Joint Declaration of Intent',
    title: 'Joint Declaration of Intent on Cooperation in Smart Manufacturing',
    between: 'between',
    and: 'and',
    after: '',
    preambleIntro: 'The undersigned',
    hereinafter: 'hereinafter referred to as “the Participants”,',
    recitals: [
      'recognising the importance of digital transformation and smart manufacturing for the competitiveness and sustainability of their industries,',
      'building on the existing cooperation between the Federal Republic of Germany and the Republic of Korea in the field of Industrie 4.0,',
      'desiring to strengthen the exchange between small and medium-sized enterprises, research institutions and standardisation bodies of both countries,',
    ],
    recitalsClose: 'have reached the following common understanding:',
    articles: [
      {
        heading: 'Article 1 – Purpose',
        paragraphs: [
          {
            label: '(1)',
            text: 'The purpose of this Joint Declaration of Intent is to establish a framework for cooperation between the Participants in the field of smart manufacturing.',
          },
          {
            label: '(2)',
            text: 'The Participants intend to promote the exchange of knowledge and experience, to support the practical application of Industrie 4.0 solutions, in particular by small and medium-sized enterprises, and to contribute to internationally compatible norms and standards.',
          },
        ],
      },
      {
        heading: 'Article 2 – Areas of Cooperation',
        paragraphs: [
          {
            label: '(1)',
            text: 'The Participants intend to cooperate in particular in the following areas:',
            items: [
              { label: 'a)', text: 'test beds and pilot projects for smart manufacturing, including the mutual opening of test facilities;' },
              { label: 'b)', text: 'standardisation and interoperability, in particular the Asset Administration Shell and related data models;' },
              { label: 'c)', text: 'the qualification and exchange of experts, as well as joint workshops and conferences;' },
              { label: 'd)', text: 'data sovereignty, industrial data spaces and cybersecurity in networked production;' },
              { label: 'e)', text: 'the sustainable and resource-efficient use of digital technologies in manufacturing.' },
            ],
          },
          {
            label: '(2)',
            text: 'The details of individual activities will be agreed between the Participants in writing on a case-by-case basis.',
          },
        ],
      },
      {
        heading: 'Article 3 – Final Provisions',
        paragraphs: [
          {
            label: '(1)',
            text: 'This Joint Declaration of Intent does not create any rights or obligations under international or national law. It entails no financial obligations; each Participant bears its own costs.',
          },
          {
            label: '(2)',
            text: 'This Joint Declaration of Intent takes effect upon its signature by both Participants. It may be amended at any time by mutual written consent and may be terminated by either Participant by written notice to the other Participant; termination takes effect three months after receipt of the notice.',
          },
          {
            label: '(3)',
            text: 'This Joint Declaration of Intent is signed electronically in a virtual ceremony. It is drawn up in the English, German and Korean languages, each text being equally authentic. In case of divergent interpretation, the English text shall prevail.',
          },
        ],
      },
    ],
    signatureHeading: 'Signatures',
    inWitness: 'In witness whereof the undersigned, being duly authorised thereto, have signed this Joint Declaration of Intent.',
    forParty: (party) => `For ${party}`,
    inPresenceOf: 'In the presence of',
    pageOf: (page, total) => `Page ${page} of ${total}`,
    languageVersion: 'English version',
  },
  de: {
    documentKind: 'Gemeinsame Absichtserklärung',
    title: 'Gemeinsame Absichtserklärung über die Zusammenarbeit im Bereich der intelligenten Fertigung (Smart Manufacturing)',
    between: 'zwischen',
    and: 'und',
    after: '',
    preambleIntro: 'Die Unterzeichnenden',
    hereinafter: '– im Folgenden „die Beteiligten“ genannt –',
    recitals: [
      'in Anerkennung der Bedeutung der digitalen Transformation und der intelligenten Fertigung für die Wettbewerbsfähigkeit und Nachhaltigkeit ihrer Industrien,',
      'aufbauend auf der bestehenden Zusammenarbeit zwischen der Bundesrepublik Deutschland und der Republik Korea im Bereich Industrie 4.0,',
      'in dem Wunsch, den Austausch zwischen kleinen und mittleren Unternehmen, Forschungseinrichtungen und Normungsgremien beider Länder zu stärken,',
    ],
    recitalsClose: 'sind zu folgendem gemeinsamen Verständnis gelangt:',
    articles: [
      {
        heading: 'Artikel 1 – Zweck',
        paragraphs: [
          {
            label: '(1)',
            text: 'Zweck dieser Gemeinsamen Absichtserklärung ist es, einen Rahmen für die Zusammenarbeit der Beteiligten im Bereich der intelligenten Fertigung zu schaffen.',
          },
          {
            label: '(2)',
            text: 'Die Beteiligten beabsichtigen, den Austausch von Wissen und Erfahrungen zu fördern, die praktische Anwendung von Industrie-4.0-Lösungen, insbesondere durch kleine und mittlere Unternehmen, zu unterstützen und zu international kompatiblen Normen und Standards beizutragen.',
          },
        ],
      },
      {
        heading: 'Artikel 2 – Bereiche der Zusammenarbeit',
        paragraphs: [
          {
            label: '(1)',
            text: 'Die Beteiligten beabsichtigen, insbesondere in folgenden Bereichen zusammenzuarbeiten:',
            items: [
              {
                label: 'a)',
                text: 'Testumgebungen und Pilotprojekte für die intelligente Fertigung, einschließlich der gegenseitigen Öffnung von Testeinrichtungen;',
              },
              {
                label: 'b)',
                text: 'Normung und Interoperabilität, insbesondere die Verwaltungsschale (Asset Administration Shell) und zugehörige Datenmodelle;',
              },
              { label: 'c)', text: 'Qualifizierung und Austausch von Fachkräften sowie gemeinsame Workshops und Konferenzen;' },
              { label: 'd)', text: 'Datensouveränität, industrielle Datenräume und Cybersicherheit in der vernetzten Produktion;' },
              { label: 'e)', text: 'nachhaltiger und ressourcenschonender Einsatz digitaler Technologien in der Fertigung.' },
            ],
          },
          {
            label: '(2)',
            text: 'Die Einzelheiten einzelner Vorhaben werden zwischen den Beteiligten im Einzelfall schriftlich festgelegt.',
          },
        ],
      },
      {
        heading: 'Artikel 3 – Schlussbestimmungen',
        paragraphs: [
          {
            label: '(1)',
            text: 'Diese Gemeinsame Absichtserklärung begründet keine völkerrechtlichen oder innerstaatlichen Rechte und Pflichten. Sie begründet keine finanziellen Verpflichtungen; jeder Beteiligte trägt seine eigenen Kosten.',
          },
          {
            label: '(2)',
            text: 'Diese Gemeinsame Absichtserklärung wird mit ihrer Unterzeichnung durch beide Beteiligte wirksam. Sie kann jederzeit im gegenseitigen schriftlichen Einvernehmen geändert und von jedem Beteiligten durch schriftliche Mitteilung an den anderen Beteiligten beendet werden; die Beendigung wird drei Monate nach Eingang der Mitteilung wirksam.',
          },
          {
            label: '(3)',
            text: 'Diese Gemeinsame Absichtserklärung wird in einer virtuellen Zeremonie elektronisch unterzeichnet. Sie ist in englischer, deutscher und koreanischer Sprache abgefasst, wobei jeder Wortlaut gleichermaßen verbindlich ist. Bei unterschiedlicher Auslegung ist der englische Wortlaut maßgebend.',
          },
        ],
      },
    ],
    signatureHeading: 'Unterschriften',
    inWitness: 'Zu Urkund dessen haben die hierzu gehörig befugten Unterzeichnenden diese Gemeinsame Absichtserklärung unterschrieben.',
    forParty: (party) => `Für ${party}`,
    inPresenceOf: 'In Anwesenheit von',
    pageOf: (page, total) => `Seite ${page} von ${total}`,
    languageVersion: 'Deutsche Fassung',
  },
  ko: {
    documentKind: '공동의향서',
    title: '스마트 제조 분야 협력에 관한 공동의향서',
    between: '',
    and: '및',
    after: '',
    preambleIntro: '다음 두 기관은',
    hereinafter: '(이하 “참여기관”이라 합니다)',
    recitals: [
      '디지털 전환과 스마트 제조가 양국 산업의 경쟁력과 지속가능성에 중요하다는 점을 인식하고,',
      '인더스트리 4.0 분야에서 독일연방공화국과 대한민국 간에 이루어지고 있는 협력을 바탕으로,',
      '양국의 중소기업, 연구기관 및 표준화 기구 간의 교류를 강화하기를 희망하며,',
    ],
    recitalsClose: '다음과 같은 공동의 의향을 확인합니다.',
    articles: [
      {
        heading: '제1조 목적',
        paragraphs: [
          { label: '①', text: '이 공동의향서는 스마트 제조 분야에서 참여기관 간 협력의 틀을 마련하는 것을 목적으로 합니다.' },
          {
            label: '②',
            text: '참여기관은 지식과 경험의 교류를 촉진하고, 특히 중소기업의 인더스트리 4.0 솔루션 실제 적용을 지원하며, 국제적으로 호환되는 규범과 표준의 마련에 기여하고자 합니다.',
          },
        ],
      },
      {
        heading: '제2조 협력 분야',
        paragraphs: [
          {
            label: '①',
            text: '참여기관은 특히 다음 분야에서 협력하고자 합니다.',
            items: [
              { label: '가.', text: '시험 설비의 상호 개방을 포함한 스마트 제조 테스트베드 및 시범사업' },
              { label: '나.', text: '표준화 및 상호운용성, 특히 자산관리셸(Asset Administration Shell) 및 관련 데이터 모델' },
              { label: '다.', text: '전문 인력의 양성 및 교류, 공동 워크숍 및 학술회의' },
              { label: '라.', text: '연결된 생산 환경에서의 데이터 주권, 산업 데이터 스페이스 및 사이버 보안' },
              { label: '마.', text: '제조 분야에서 디지털 기술의 지속가능하고 자원 효율적인 활용' },
            ],
          },
          { label: '②', text: '개별 활동의 세부 사항은 참여기관 간에 사안별로 서면으로 정합니다.' },
        ],
      },
      {
        heading: '제3조 최종 조항',
        paragraphs: [
          {
            label: '①',
            text: '이 공동의향서는 국제법 또는 국내법상의 권리나 의무를 발생시키지 않습니다. 또한 재정적 의무를 발생시키지 않으며, 각 참여기관은 자체 비용을 부담합니다.',
          },
          {
            label: '②',
            text: '이 공동의향서는 두 참여기관이 서명한 때부터 효력을 발생합니다. 이 공동의향서는 상호 서면 합의로 언제든지 수정할 수 있으며, 각 참여기관은 상대 참여기관에 대한 서면 통보로 이를 종료할 수 있습니다. 종료는 통보를 받은 날부터 3개월 후에 효력을 발생합니다.',
          },
          {
            label: '③',
            text: '이 공동의향서는 가상 서명식에서 전자적으로 서명됩니다. 이 공동의향서는 영어, 독일어 및 한국어로 작성되며, 각 언어본은 동등하게 정본입니다. 해석상 차이가 있는 경우에는 영어본이 우선합니다.',
          },
        ],
      },
    ],
    signatureHeading: '서명',
    inWitness: '이상의 증거로, 정당하게 권한을 위임받은 아래 서명자들이 이 공동의향서에 서명하였습니다.',
    forParty: (party) => `${party}${koreanObjectParticle(party)} 대표하여`,
    inPresenceOf: '입회인',
    pageOf: (page, total) => `${total}쪽 중 ${page}쪽`,
    languageVersion: '한국어본',
  },
};

/** Names of the reference parties and their countries in each language. */
export const KNOWN_NAMES: Record<string, Partial<Record<AgreementLanguage, string>>> = {
  'Labs Network Industrie 4.0': { en: 'Labs Network Industrie 4.0', de: 'Labs Network Industrie 4.0', ko: '랩스 네트워크 인더스트리 4.0' },
  'Korean Smart Manufacturing Office': {
    en: 'Korean Smart Manufacturing Office',
    de: 'Korean Smart Manufacturing Office',
    ko: '스마트제조혁신추진단',
  },
  Germany: { en: 'Federal Republic of Germany', de: 'Bundesrepublik Deutschland', ko: '독일연방공화국' },
  'Federal Republic of Germany': { en: 'Federal Republic of Germany', de: 'Bundesrepublik Deutschland', ko: '독일연방공화국' },
  'Republic of Korea': { en: 'Republic of Korea', de: 'Republik Korea', ko: '대한민국' },
  Korea: { en: 'Republic of Korea', de: 'Republik Korea', ko: '대한민국' },
};
