import type { DatedHoliday, DemoNetwork } from './demo-network.types.ts';

/**
 * The demo network seeded on first start: the national catalogue, a set of consulates spread over
 * many time zones and currencies, and the holidays that close them. Pure data.
 *
 * Everything here is demo material: addresses are plausible, not authoritative; fees and exchange
 * rates are illustrative; Islamic holidays (national and host-country) are expected dates that may
 * shift by a day once the moon is sighted.
 */

type Name = DatedHoliday['name'];

// Holiday names shared by several host countries.
const NEW_YEAR: Name = { ar: 'رأس السنة الميلادية', fr: "Jour de l'an", en: "New Year's Day", es: 'Año Nuevo' };
const EPIPHANY: Name = { ar: 'عيد الغطاس', fr: 'Épiphanie', en: 'Epiphany', es: 'Epifanía del Señor' };
const GOOD_FRIDAY: Name = { ar: 'الجمعة العظيمة', fr: 'Vendredi saint', en: 'Good Friday', es: 'Viernes Santo' };
const EASTER_SATURDAY: Name = { ar: 'سبت النور', fr: 'Samedi saint', en: 'Easter Saturday', es: 'Sábado Santo' };
const EASTER_SUNDAY: Name = { ar: 'عيد الفصح', fr: 'Dimanche de Pâques', en: 'Easter Sunday', es: 'Domingo de Pascua' };
const EASTER_MONDAY: Name = { ar: 'اثنين الفصح', fr: 'Lundi de Pâques', en: 'Easter Monday', es: 'Lunes de Pascua' };
const LABOUR_DAY: Name = { ar: 'عيد الشغل', fr: 'Fête du Travail', en: 'Labour Day', es: 'Día del Trabajo' };
const ASCENSION: Name = { ar: 'عيد الصعود', fr: 'Ascension', en: 'Ascension Day', es: 'Ascensión del Señor' };
const WHIT_MONDAY: Name = {
  ar: 'اثنين العنصرة',
  fr: 'Lundi de Pentecôte',
  en: 'Whit Monday',
  es: 'Lunes de Pentecostés',
};
const CORPUS_CHRISTI: Name = { ar: 'عيد القربان المقدس', fr: 'Fête-Dieu', en: 'Corpus Christi', es: 'Corpus Christi' };
const ASSUMPTION: Name = {
  ar: 'عيد انتقال السيدة العذراء',
  fr: 'Assomption',
  en: 'Assumption Day',
  es: 'Asunción de la Virgen',
};
const ALL_SAINTS: Name = { ar: 'عيد جميع القديسين', fr: 'Toussaint', en: "All Saints' Day", es: 'Todos los Santos' };
const ARMISTICE: Name = { ar: 'ذكرى هدنة 1918', fr: 'Armistice 1918', en: 'Armistice Day', es: 'Día del Armisticio' };
const IMMACULATE_CONCEPTION: Name = {
  ar: 'عيد الحبل بلا دنس',
  fr: 'Immaculée Conception',
  en: 'Immaculate Conception',
  es: 'Inmaculada Concepción',
};
const CHRISTMAS: Name = { ar: 'عيد الميلاد المجيد', fr: 'Noël', en: 'Christmas Day', es: 'Navidad' };
const SECOND_CHRISTMAS_DAY: Name = {
  ar: 'ثاني أيام عيد الميلاد',
  fr: 'Deuxième jour de Noël',
  en: 'Second Day of Christmas',
  es: 'Segundo día de Navidad',
};
const CHRISTMAS_SUBSTITUTE: Name = {
  ar: 'عيد الميلاد المجيد (يوم عطلة بديل)',
  fr: 'Noël (jour férié reporté)',
  en: 'Christmas Day (substitute day)',
  es: 'Navidad (festivo trasladado)',
};
const BOXING_DAY_SUBSTITUTE: Name = {
  ar: 'يوم الهدايا (يوم عطلة بديل)',
  fr: 'Lendemain de Noël (jour férié reporté)',
  en: 'Boxing Day (substitute day)',
  es: 'Día de San Esteban (festivo trasladado)',
};
const EID_AL_FITR_HOLIDAY: Name = {
  ar: 'عطلة عيد الفطر',
  fr: "Congé de l'Aïd al-Fitr",
  en: 'Eid al-Fitr holiday',
  es: 'Festividad de Eid al-Fitr (fin del Ramadán)',
};
const ARAFAT_DAY: Name = { ar: 'يوم عرفة', fr: "Jour d'Arafat", en: 'Arafat Day', es: 'Día de Arafat' };
const EID_AL_ADHA_HOLIDAY: Name = {
  ar: 'عطلة عيد الأضحى',
  fr: "Congé de l'Aïd al-Adha",
  en: 'Eid al-Adha holiday',
  es: 'Festividad de Eid al-Adha (Fiesta del Sacrificio)',
};
const HIJRI_NEW_YEAR: Name = {
  ar: 'رأس السنة الهجرية',
  fr: "Nouvel an de l'Hégire",
  en: 'Islamic New Year',
  es: 'Año Nuevo islámico',
};
const MAWLID: Name = {
  ar: 'عيد المولد النبوي الشريف',
  fr: 'Aïd al-Mawlid (naissance du Prophète)',
  en: "Mawlid (the Prophet's Birthday)",
  es: 'Mawlid (nacimiento del Profeta)',
};

// National Islamic holidays (Morocco), by day.
const EID_AL_FITR_1: Name = {
  ar: 'عيد الفطر (اليوم الأول)',
  fr: 'Aïd al-Fitr (1er jour)',
  en: 'Eid al-Fitr (day 1)',
  es: 'Eid al-Fitr, fin del Ramadán (día 1)',
};
const EID_AL_FITR_2: Name = {
  ar: 'عيد الفطر (اليوم الثاني)',
  fr: 'Aïd al-Fitr (2e jour)',
  en: 'Eid al-Fitr (day 2)',
  es: 'Eid al-Fitr, fin del Ramadán (día 2)',
};
const EID_AL_ADHA_1: Name = {
  ar: 'عيد الأضحى (اليوم الأول)',
  fr: 'Aïd al-Adha (1er jour)',
  en: 'Eid al-Adha (day 1)',
  es: 'Eid al-Adha, Fiesta del Sacrificio (día 1)',
};
const EID_AL_ADHA_2: Name = {
  ar: 'عيد الأضحى (اليوم الثاني)',
  fr: 'Aïd al-Adha (2e jour)',
  en: 'Eid al-Adha (day 2)',
  es: 'Eid al-Adha, Fiesta del Sacrificio (día 2)',
};
const FIRST_OF_MUHARRAM: Name = {
  ar: 'فاتح محرم (رأس السنة الهجرية)',
  fr: "1er Moharram (Nouvel an de l'Hégire)",
  en: 'Islamic New Year (1 Muharram)',
  es: 'Año Nuevo islámico (1 de Muharram)',
};
const MAWLID_1: Name = {
  ar: 'عيد المولد النبوي الشريف (اليوم الأول)',
  fr: 'Aïd al-Mawlid, naissance du Prophète (1er jour)',
  en: "Mawlid, the Prophet's Birthday (day 1)",
  es: 'Mawlid, nacimiento del Profeta (día 1)',
};
const MAWLID_2: Name = {
  ar: 'عيد المولد النبوي الشريف (اليوم الثاني)',
  fr: 'Aïd al-Mawlid, naissance du Prophète (2e jour)',
  en: "Mawlid, the Prophet's Birthday (day 2)",
  es: 'Mawlid, nacimiento del Profeta (día 2)',
};

// Names used by a single host country, but on both years.
const US_MLK_DAY: Name = {
  ar: 'يوم مارتن لوثر كينغ الابن',
  fr: 'Journée Martin Luther King Jr.',
  en: 'Birthday of Martin Luther King, Jr.',
  es: 'Día de Martin Luther King Jr.',
};
const US_WASHINGTON: Name = {
  ar: 'ذكرى ميلاد واشنطن (يوم الرؤساء)',
  fr: "Anniversaire de Washington (Presidents' Day)",
  en: "Washington's Birthday",
  es: 'Natalicio de Washington (Día de los Presidentes)',
};
const US_MEMORIAL: Name = {
  ar: 'يوم الذكرى',
  fr: 'Memorial Day (jour du Souvenir)',
  en: 'Memorial Day',
  es: 'Día de los Caídos (Memorial Day)',
};
const US_JUNETEENTH: Name = {
  ar: 'جونتينث (ذكرى إلغاء العبودية)',
  fr: "Juneteenth (fin de l'esclavage)",
  en: 'Juneteenth National Independence Day',
  es: 'Juneteenth (fin de la esclavitud)',
};
const US_LABOR: Name = { ar: 'عيد العمال', fr: 'Fête du Travail (Labor Day)', en: 'Labor Day', es: 'Día del Trabajo' };
const US_COLUMBUS: Name = {
  ar: 'يوم كولومبوس',
  fr: 'Columbus Day',
  en: 'Columbus Day',
  es: 'Día de la Hispanidad (Columbus Day)',
};
const US_VETERANS: Name = {
  ar: 'يوم قدامى المحاربين',
  fr: 'Journée des anciens combattants',
  en: 'Veterans Day',
  es: 'Día de los Veteranos',
};
const US_THANKSGIVING: Name = {
  ar: 'عيد الشكر',
  fr: 'Action de grâce (Thanksgiving)',
  en: 'Thanksgiving Day',
  es: 'Día de Acción de Gracias',
};
const CA_PATRIOTES: Name = {
  ar: 'اليوم الوطني للوطنيين',
  fr: 'Journée nationale des patriotes',
  en: "National Patriots' Day",
  es: 'Día Nacional de los Patriotas',
};
const CA_QUEBEC_NATIONAL: Name = {
  ar: 'العيد الوطني لكيبيك',
  fr: 'Fête nationale du Québec',
  en: "Quebec's National Holiday (Saint-Jean-Baptiste Day)",
  es: 'Fiesta Nacional de Quebec',
};
const CA_CANADA_DAY: Name = { ar: 'عيد كندا', fr: 'Fête du Canada', en: 'Canada Day', es: 'Día de Canadá' };
const CA_THANKSGIVING: Name = {
  ar: 'عيد الشكر',
  fr: 'Action de grâce',
  en: 'Thanksgiving',
  es: 'Día de Acción de Gracias',
};
const GB_EARLY_MAY: Name = {
  ar: 'العطلة البنكية لبداية ماي',
  fr: 'Jour férié de début mai',
  en: 'Early May bank holiday',
  es: 'Festivo bancario de principios de mayo',
};
const GB_SPRING: Name = {
  ar: 'العطلة البنكية الربيعية',
  fr: 'Jour férié de printemps',
  en: 'Spring bank holiday',
  es: 'Festivo bancario de primavera',
};
const GB_SUMMER: Name = {
  ar: 'العطلة البنكية الصيفية',
  fr: "Jour férié d'été",
  en: 'Summer bank holiday',
  es: 'Festivo bancario de verano',
};
const FR_VICTORY: Name = {
  ar: 'ذكرى انتصار 1945',
  fr: 'Victoire 1945',
  en: 'Victory in Europe Day',
  es: 'Día de la Victoria de 1945',
};
const FR_NATIONAL: Name = {
  ar: 'العيد الوطني الفرنسي',
  fr: 'Fête nationale',
  en: 'Bastille Day (National Day)',
  es: 'Fiesta Nacional de Francia',
};
const BE_NATIONAL: Name = {
  ar: 'العيد الوطني البلجيكي',
  fr: 'Fête nationale belge',
  en: 'Belgian National Day',
  es: 'Fiesta Nacional de Bélgica',
};
const ES_NATIONAL: Name = {
  ar: 'العيد الوطني الإسباني',
  fr: "Fête nationale de l'Espagne",
  en: 'National Day of Spain',
  es: 'Fiesta Nacional de España',
};
const ES_CONSTITUTION: Name = {
  ar: 'يوم الدستور الإسباني',
  fr: 'Jour de la Constitution',
  en: 'Constitution Day',
  es: 'Día de la Constitución Española',
};
const IT_LIBERATION: Name = {
  ar: 'عيد التحرير',
  fr: 'Fête de la Libération',
  en: 'Liberation Day',
  es: 'Día de la Liberación',
};
const IT_REPUBLIC: Name = {
  ar: 'عيد الجمهورية',
  fr: 'Fête de la République',
  en: 'Republic Day',
  es: 'Fiesta de la República',
};
const IT_ST_FRANCIS: Name = {
  ar: 'عيد القديس فرنسيس الأسيزي',
  fr: "Saint François d'Assise (saint patron de l'Italie)",
  en: 'St Francis of Assisi (patron saint of Italy)',
  es: 'San Francisco de Asís (patrón de Italia)',
};
const IT_ST_AMBROSE: Name = {
  ar: 'عيد القديس أمبروسيوس (ميلانو)',
  fr: 'Saint-Ambroise (Milan)',
  en: "St Ambrose's Day (Milan)",
  es: 'San Ambrosio (Milán)',
};
const IT_ST_STEPHEN: Name = {
  ar: 'عيد القديس إسطفانوس',
  fr: 'Saint-Étienne',
  en: "St Stephen's Day",
  es: 'San Esteban',
};
const NL_KINGS_DAY: Name = { ar: 'يوم الملك', fr: 'Fête du Roi', en: "King's Day", es: 'Día del Rey' };
const NL_LIBERATION: Name = {
  ar: 'يوم التحرير',
  fr: 'Jour de la Libération',
  en: 'Liberation Day',
  es: 'Día de la Liberación',
};
const DE_UNITY: Name = {
  ar: 'يوم الوحدة الألمانية',
  fr: "Jour de l'Unité allemande",
  en: 'German Unity Day',
  es: 'Día de la Unidad Alemana',
};
const AE_COMMEMORATION: Name = {
  ar: 'يوم الشهيد',
  fr: 'Jour du Souvenir (Commemoration Day)',
  en: 'Commemoration Day',
  es: 'Día de la Conmemoración',
};
const AE_NATIONAL: Name = {
  ar: 'عيد الاتحاد',
  fr: 'Fête nationale (Eid Al Etihad)',
  en: 'National Day (Eid Al Etihad)',
  es: 'Día Nacional (Eid Al Etihad)',
};
const SA_FOUNDING: Name = {
  ar: 'يوم التأسيس',
  fr: 'Jour de la Fondation',
  en: 'Founding Day',
  es: 'Día de la Fundación',
};
const SA_NATIONAL: Name = {
  ar: 'اليوم الوطني السعودي',
  fr: 'Fête nationale saoudienne',
  en: 'Saudi National Day',
  es: 'Día Nacional de Arabia Saudí',
};
const JP_COMING_OF_AGE: Name = {
  ar: 'يوم بلوغ سن الرشد',
  fr: 'Jour de la majorité',
  en: 'Coming of Age Day',
  es: 'Día de la Mayoría de Edad',
};
const JP_FOUNDATION: Name = {
  ar: 'يوم تأسيس الدولة',
  fr: 'Fête de la fondation nationale',
  en: 'National Foundation Day',
  es: 'Día de la Fundación Nacional',
};
const JP_EMPEROR: Name = {
  ar: 'عيد ميلاد الإمبراطور',
  fr: "Anniversaire de l'Empereur",
  en: "Emperor's Birthday",
  es: 'Cumpleaños del Emperador',
};
const JP_VERNAL_EQUINOX: Name = {
  ar: 'يوم الاعتدال الربيعي',
  fr: 'Équinoxe de printemps',
  en: 'Vernal Equinox Day',
  es: 'Equinoccio de primavera',
};
const JP_SHOWA: Name = { ar: 'يوم شووا', fr: 'Jour de Shōwa', en: 'Shōwa Day', es: 'Día de Shōwa' };
const JP_CONSTITUTION: Name = {
  ar: 'يوم ذكرى الدستور',
  fr: 'Jour de la Constitution',
  en: 'Constitution Memorial Day',
  es: 'Día de la Constitución',
};
const JP_GREENERY: Name = { ar: 'يوم الخضرة', fr: 'Jour de la verdure', en: 'Greenery Day', es: 'Día del Verdor' };
const JP_CHILDREN: Name = { ar: 'يوم الأطفال', fr: 'Jour des enfants', en: "Children's Day", es: 'Día de los Niños' };
const JP_SUBSTITUTE: Name = {
  ar: 'عطلة تعويضية',
  fr: 'Jour férié de substitution',
  en: 'Substitute holiday',
  es: 'Festivo sustitutorio',
};
const JP_MARINE: Name = { ar: 'يوم البحر', fr: 'Jour de la mer', en: 'Marine Day', es: 'Día del Mar' };
const JP_MOUNTAIN: Name = { ar: 'يوم الجبل', fr: 'Jour de la montagne', en: 'Mountain Day', es: 'Día de la Montaña' };
const JP_RESPECT_AGED: Name = {
  ar: 'يوم احترام المسنين',
  fr: 'Jour du respect des aînés',
  en: 'Respect for the Aged Day',
  es: 'Día del Respeto a los Mayores',
};
const JP_CITIZENS: Name = {
  ar: 'عطلة وطنية (يوم بين عطلتين)',
  fr: 'Jour férié national (entre deux fêtes)',
  en: "Citizens' Holiday",
  es: 'Festivo nacional (entre dos festivos)',
};
const JP_AUTUMNAL_EQUINOX: Name = {
  ar: 'يوم الاعتدال الخريفي',
  fr: "Équinoxe d'automne",
  en: 'Autumnal Equinox Day',
  es: 'Equinoccio de otoño',
};
const JP_SPORTS: Name = { ar: 'يوم الرياضة', fr: 'Jour du sport', en: 'Sports Day', es: 'Día del Deporte' };
const JP_CULTURE: Name = { ar: 'يوم الثقافة', fr: 'Jour de la culture', en: 'Culture Day', es: 'Día de la Cultura' };
const JP_LABOUR_THANKSGIVING: Name = {
  ar: 'يوم الشكر على العمل',
  fr: 'Fête du remerciement au travail',
  en: 'Labour Thanksgiving Day',
  es: 'Día de Acción de Gracias por el Trabajo',
};
const AU_AUSTRALIA_DAY: Name = {
  ar: 'يوم أستراليا',
  fr: 'Fête nationale australienne',
  en: 'Australia Day',
  es: 'Día de Australia',
};
const AU_CANBERRA_DAY: Name = {
  ar: 'يوم كانبرا',
  fr: 'Journée de Canberra',
  en: 'Canberra Day',
  es: 'Día de Canberra',
};
const AU_ANZAC: Name = { ar: 'يوم أنزاك', fr: 'Anzac Day', en: 'Anzac Day', es: 'Día de ANZAC' };
const AU_RECONCILIATION: Name = {
  ar: 'يوم المصالحة',
  fr: 'Journée de la réconciliation',
  en: 'Reconciliation Day',
  es: 'Día de la Reconciliación',
};
const AU_KINGS_BIRTHDAY: Name = {
  ar: 'عيد ميلاد الملك',
  fr: 'Anniversaire du Roi',
  en: "King's Birthday",
  es: 'Cumpleaños del Rey',
};
const SN_INDEPENDENCE: Name = {
  ar: 'عيد الاستقلال السنغالي',
  fr: "Fête de l'Indépendance",
  en: 'Independence Day',
  es: 'Día de la Independencia',
};
const SN_KORITE: Name = {
  ar: 'عيد الفطر (كوريتي)',
  fr: 'Korité (Aïd al-Fitr)',
  en: 'Korité (Eid al-Fitr)',
  es: 'Korité (Eid al-Fitr)',
};
const SN_TABASKI: Name = {
  ar: 'عيد الأضحى (تاباسكي)',
  fr: 'Tabaski (Aïd al-Adha)',
  en: 'Tabaski (Eid al-Adha)',
  es: 'Tabaski (Eid al-Adha)',
};
const SN_TAMKHARIT: Name = {
  ar: 'عاشوراء (تامخاريت)',
  fr: 'Tamkharit (Achoura)',
  en: 'Tamkharit (Ashura)',
  es: 'Tamkharit (Ashura)',
};
const SN_GRAND_MAGAL: Name = {
  ar: 'المغال الكبير بطوبى',
  fr: 'Grand Magal de Touba',
  en: 'Grand Magal of Touba',
  es: 'Gran Magal de Touba',
};

export const demoNetwork: DemoNetwork = {
  departments: [
    {
      kind: 'passport',
      ticketPrefix: 'P',
      name: {
        ar: 'مصلحة جوازات السفر',
        fr: 'Service des passeports',
        en: 'Passport section',
        es: 'Sección de pasaportes',
      },
    },
    {
      kind: 'identity',
      ticketPrefix: 'C',
      name: {
        ar: 'مصلحة البطاقة الوطنية للتعريف الإلكترونية',
        fr: "Service de la carte nationale d'identité électronique",
        en: 'National identity card section',
        es: 'Sección del documento nacional de identidad',
      },
    },
    {
      kind: 'civil_status',
      ticketPrefix: 'E',
      name: {
        ar: 'مصلحة الحالة المدنية والجنسية',
        fr: "Service de l'état civil et de la nationalité",
        en: 'Civil status and nationality section',
        es: 'Sección de registro civil y nacionalidad',
      },
    },
    {
      kind: 'legalization',
      ticketPrefix: 'L',
      name: {
        ar: 'مصلحة المصادقة على الوثائق',
        fr: 'Service des légalisations',
        en: 'Legalization section',
        es: 'Sección de legalizaciones',
      },
    },
    {
      kind: 'registration',
      ticketPrefix: 'R',
      name: {
        ar: 'مصلحة التسجيل القنصلي',
        fr: "Service de l'immatriculation consulaire",
        en: 'Consular registration section',
        es: 'Sección de matrícula consular',
      },
    },
  ],

  services: [
    {
      code: 'passport_adult_new',
      departmentKind: 'passport',
      name: {
        ar: 'جواز السفر البيومتري — طلب أول (راشد)',
        fr: 'Passeport biométrique — première demande (majeur)',
        en: 'Biometric passport — first application (adult)',
        es: 'Pasaporte biométrico — primera solicitud (mayor de edad)',
      },
      durationMinutes: 20,
      requiredDocuments: [
        'birth_certificate_full_copy',
        'cnie_copy',
        'id_photos_biometric',
        'consular_registration_card',
        'proof_of_residence',
      ],
      requiresVerification: true,
      minAgeYears: 18,
      demoFeeMadMinor: 50_000,
      horizonDays: 90,
      minNoticeMinutes: 1440,
      cancellationCutoffMinutes: 1440,
    },
    {
      code: 'passport_adult_renewal',
      departmentKind: 'passport',
      name: {
        ar: 'تجديد جواز السفر البيومتري (راشد)',
        fr: 'Passeport biométrique — renouvellement (majeur)',
        en: 'Biometric passport — renewal (adult)',
        es: 'Pasaporte biométrico — renovación (mayor de edad)',
      },
      durationMinutes: 15,
      requiredDocuments: ['old_passport', 'cnie_copy', 'id_photos_biometric', 'proof_of_residence'],
      requiresVerification: true,
      minAgeYears: 18,
      demoFeeMadMinor: 50_000,
      horizonDays: 90,
      minNoticeMinutes: 1440,
      cancellationCutoffMinutes: 1440,
    },
    {
      code: 'passport_minor',
      departmentKind: 'passport',
      name: {
        ar: 'جواز السفر البيومتري للقاصر',
        fr: 'Passeport biométrique pour mineur',
        en: 'Biometric passport for a minor',
        es: 'Pasaporte biométrico para menor de edad',
      },
      durationMinutes: 20,
      requiredDocuments: [
        'birth_certificate_full_copy',
        'id_photos_biometric',
        'parental_authorization',
        'cnie_copy',
        'family_record_book',
      ],
      requiresVerification: true,
      maxAgeYears: 17,
      demoFeeMadMinor: 30_000,
      horizonDays: 90,
      minNoticeMinutes: 1440,
      cancellationCutoffMinutes: 1440,
    },
    {
      code: 'cnie_first_issue',
      departmentKind: 'identity',
      name: {
        ar: 'البطاقة الوطنية للتعريف الإلكترونية — طلب أول',
        fr: "Carte nationale d'identité électronique (CNIE) — première demande",
        en: 'Electronic national identity card (CNIE) — first application',
        es: 'Documento nacional de identidad electrónico (CNIE) — primera solicitud',
      },
      durationMinutes: 20,
      requiredDocuments: ['birth_certificate_full_copy', 'consular_registration_card', 'proof_of_residence'],
      requiresVerification: true,
      demoFeeMadMinor: 7_500,
      horizonDays: 90,
      minNoticeMinutes: 1440,
      cancellationCutoffMinutes: 1440,
    },
    {
      code: 'cnie_renewal',
      departmentKind: 'identity',
      name: {
        ar: 'تجديد البطاقة الوطنية للتعريف الإلكترونية',
        fr: "Carte nationale d'identité électronique (CNIE) — renouvellement",
        en: 'Electronic national identity card (CNIE) — renewal',
        es: 'Documento nacional de identidad electrónico (CNIE) — renovación',
      },
      durationMinutes: 15,
      requiredDocuments: ['old_cnie', 'proof_of_residence'],
      requiresVerification: true,
      demoFeeMadMinor: 7_500,
      horizonDays: 90,
      minNoticeMinutes: 1440,
      cancellationCutoffMinutes: 1440,
    },
    {
      code: 'birth_registration',
      departmentKind: 'civil_status',
      name: {
        ar: 'التصريح بالولادة وتسجيلها في الحالة المدنية',
        fr: "Transcription d'acte de naissance",
        en: 'Birth registration (transcription of a birth certificate)',
        es: 'Inscripción de nacimiento (transcripción del acta de nacimiento)',
      },
      durationMinutes: 30,
      requiredDocuments: ['local_birth_certificate', 'family_record_book', 'marriage_contract', 'cnie_copy'],
      requiresVerification: true,
      demoFeeMadMinor: 0,
      horizonDays: 60,
      minNoticeMinutes: 1440,
      cancellationCutoffMinutes: 1440,
    },
    {
      code: 'marriage_registration',
      departmentKind: 'civil_status',
      name: {
        ar: 'تسجيل عقد الزواج في الحالة المدنية',
        fr: "Transcription d'acte de mariage",
        en: 'Marriage registration (transcription of a marriage certificate)',
        es: 'Inscripción de matrimonio (transcripción del acta de matrimonio)',
      },
      durationMinutes: 30,
      requiredDocuments: ['local_marriage_certificate', 'birth_certificate_full_copy', 'cnie_copy', 'passport_copy'],
      requiresVerification: true,
      demoFeeMadMinor: 0,
      horizonDays: 60,
      minNoticeMinutes: 1440,
      cancellationCutoffMinutes: 1440,
    },
    {
      code: 'death_registration',
      departmentKind: 'civil_status',
      name: {
        ar: 'التصريح بالوفاة وتسجيلها في الحالة المدنية',
        fr: 'Déclaration et transcription de décès',
        en: 'Death registration',
        es: 'Inscripción de defunción',
      },
      durationMinutes: 20,
      requiredDocuments: ['medical_death_certificate', 'local_death_certificate', 'cnie_copy', 'family_record_book'],
      requiresVerification: true,
      demoFeeMadMinor: 0,
      horizonDays: 60,
      // A death is urgent (repatriation, burial): bookable at short notice.
      minNoticeMinutes: 120,
      cancellationCutoffMinutes: 120,
    },
    {
      code: 'civil_status_extract',
      departmentKind: 'civil_status',
      name: {
        ar: 'مستخرج أو نسخة كاملة من رسم الحالة المدنية',
        fr: "Extrait ou copie intégrale d'acte d'état civil",
        en: 'Civil-status extract or full copy of a record',
        es: 'Extracto o copia íntegra de un acta del registro civil',
      },
      durationMinutes: 10,
      requiredDocuments: ['cnie_copy', 'family_record_book'],
      requiresVerification: false,
      demoFeeMadMinor: 0,
      horizonDays: 60,
      minNoticeMinutes: 120,
      cancellationCutoffMinutes: 120,
    },
    {
      code: 'nationality_certificate',
      departmentKind: 'civil_status',
      name: {
        ar: 'شهادة الجنسية',
        fr: 'Certificat de nationalité',
        en: 'Certificate of nationality',
        es: 'Certificado de nacionalidad',
      },
      durationMinutes: 30,
      requiredDocuments: [
        'birth_certificate_full_copy',
        'cnie_copy',
        'parents_nationality_proof',
        'consular_registration_card',
      ],
      requiresVerification: true,
      demoFeeMadMinor: 5_000,
      horizonDays: 90,
      minNoticeMinutes: 1440,
      cancellationCutoffMinutes: 1440,
    },
    {
      code: 'consular_registration',
      departmentKind: 'registration',
      name: {
        ar: 'التسجيل القنصلي',
        fr: 'Immatriculation consulaire',
        en: 'Consular registration',
        es: 'Matrícula consular',
      },
      durationMinutes: 15,
      requiredDocuments: [
        'cnie_copy',
        'passport_copy',
        'id_photos_biometric',
        'proof_of_residence',
        'residence_permit_copy',
      ],
      requiresVerification: true,
      demoFeeMadMinor: 0,
      horizonDays: 90,
      minNoticeMinutes: 1440,
      cancellationCutoffMinutes: 1440,
    },
    {
      code: 'residence_certificate',
      departmentKind: 'registration',
      name: {
        ar: 'شهادة الإقامة وتغيير محل السكنى',
        fr: 'Certificat de résidence / changement de résidence',
        en: 'Certificate of residence / change of residence',
        es: 'Certificado de residencia / cambio de residencia',
      },
      durationMinutes: 10,
      requiredDocuments: ['consular_registration_card', 'cnie_copy', 'proof_of_residence'],
      requiresVerification: false,
      demoFeeMadMinor: 2_000,
      horizonDays: 60,
      minNoticeMinutes: 120,
      cancellationCutoffMinutes: 120,
    },
    {
      code: 'signature_legalization',
      departmentKind: 'legalization',
      name: {
        ar: 'تصحيح الإمضاء',
        fr: 'Légalisation de signature',
        en: 'Legalization of signature',
        es: 'Legalización de firma',
      },
      durationMinutes: 10,
      requiredDocuments: ['document_to_legalize', 'cnie_copy'],
      requiresVerification: false,
      demoFeeMadMinor: 2_000,
      horizonDays: 60,
      minNoticeMinutes: 120,
      cancellationCutoffMinutes: 120,
    },
    {
      code: 'certified_copy',
      departmentKind: 'legalization',
      name: {
        ar: 'الإشهاد على مطابقة النسخ لأصولها',
        fr: 'Copie conforme',
        en: 'Certified true copy',
        es: 'Copia compulsada',
      },
      durationMinutes: 10,
      requiredDocuments: ['original_document', 'cnie_copy'],
      requiresVerification: false,
      demoFeeMadMinor: 1_000,
      horizonDays: 60,
      minNoticeMinutes: 120,
      cancellationCutoffMinutes: 120,
    },
    {
      code: 'power_of_attorney',
      departmentKind: 'legalization',
      name: {
        ar: 'الوكالة',
        fr: 'Procuration',
        en: 'Power of attorney',
        es: 'Poder (procuración)',
      },
      durationMinutes: 15,
      requiredDocuments: ['power_of_attorney_draft', 'cnie_copy'],
      requiresVerification: false,
      demoFeeMadMinor: 10_000,
      horizonDays: 60,
      minNoticeMinutes: 120,
      cancellationCutoffMinutes: 120,
    },
    {
      code: 'laissez_passer',
      departmentKind: 'passport',
      name: {
        ar: 'رخصة المرور (وثيقة سفر مؤقتة)',
        fr: 'Laissez-passer',
        en: 'Laissez-passer (emergency travel document)',
        es: 'Salvoconducto (laissez-passer)',
      },
      durationMinutes: 20,
      requiredDocuments: ['loss_declaration', 'cnie_copy', 'id_photos_biometric', 'travel_ticket'],
      requiresVerification: true,
      demoFeeMadMinor: 5_000,
      horizonDays: 60,
      // Issued to travellers who lost their passport: bookable at short notice.
      minNoticeMinutes: 120,
      cancellationCutoffMinutes: 120,
    },
  ],

  consulates: [
    {
      code: 'PAR',
      name: {
        ar: 'القنصلية العامة للمملكة المغربية بباريس',
        fr: 'Consulat général du Royaume du Maroc à Paris',
        en: 'Consulate General of the Kingdom of Morocco in Paris',
        es: 'Consulado General del Reino de Marruecos en París',
      },
      country: 'FR',
      city: 'Paris',
      address: '19 rue Saulnier, 75009 Paris',
      timeZone: 'Europe/Paris',
      currency: 'EUR',
      currencyMinorDigits: 2,
      demoRatePerMad: 0.092,
      languages: ['ar', 'fr'],
      hours: [
        { weekdays: [1, 2, 3, 4, 5], opensAt: '08:30', closesAt: '12:30', slotMinutes: 20, capacity: 4 },
        { weekdays: [1, 2, 3, 4, 5], opensAt: '14:00', closesAt: '16:00', slotMinutes: 20, capacity: 4 },
        { weekdays: [6], opensAt: '09:00', closesAt: '12:00', slotMinutes: 20, capacity: 3 },
      ],
      countersPerDepartment: 5,
    },
    {
      code: 'LYO',
      name: {
        ar: 'القنصلية العامة للمملكة المغربية بليون',
        fr: 'Consulat général du Royaume du Maroc à Lyon',
        en: 'Consulate General of the Kingdom of Morocco in Lyon',
        es: 'Consulado General del Reino de Marruecos en Lyon',
      },
      country: 'FR',
      city: 'Lyon',
      address: '12 rue Servient, 69003 Lyon',
      timeZone: 'Europe/Paris',
      currency: 'EUR',
      currencyMinorDigits: 2,
      demoRatePerMad: 0.092,
      languages: ['ar', 'fr'],
      hours: [
        { weekdays: [1, 2, 3, 4, 5], opensAt: '09:00', closesAt: '12:00', slotMinutes: 20, capacity: 3 },
        { weekdays: [1, 2, 3, 4, 5], opensAt: '14:00', closesAt: '16:00', slotMinutes: 20, capacity: 3 },
      ],
      countersPerDepartment: 3,
    },
    {
      code: 'BRU',
      name: {
        ar: 'القنصلية العامة للمملكة المغربية ببروكسيل',
        fr: 'Consulat général du Royaume du Maroc à Bruxelles',
        en: 'Consulate General of the Kingdom of Morocco in Brussels',
        es: 'Consulado General del Reino de Marruecos en Bruselas',
      },
      country: 'BE',
      city: 'Brussels',
      address: 'Rue de Laeken 85, 1000 Bruxelles',
      timeZone: 'Europe/Brussels',
      currency: 'EUR',
      currencyMinorDigits: 2,
      demoRatePerMad: 0.092,
      languages: ['ar', 'fr', 'nl'],
      hours: [
        { weekdays: [1, 2, 3, 4, 5], opensAt: '08:30', closesAt: '12:30', slotMinutes: 20, capacity: 4 },
        { weekdays: [1, 2, 3, 4, 5], opensAt: '14:00', closesAt: '16:00', slotMinutes: 20, capacity: 3 },
      ],
      countersPerDepartment: 4,
    },
    {
      code: 'MAD',
      name: {
        ar: 'القنصلية العامة للمملكة المغربية بمدريد',
        fr: 'Consulat général du Royaume du Maroc à Madrid',
        en: 'Consulate General of the Kingdom of Morocco in Madrid',
        es: 'Consulado General del Reino de Marruecos en Madrid',
      },
      country: 'ES',
      city: 'Madrid',
      address: 'Calle de Alcalá 155, 28009 Madrid',
      timeZone: 'Europe/Madrid',
      currency: 'EUR',
      currencyMinorDigits: 2,
      demoRatePerMad: 0.092,
      languages: ['ar', 'fr', 'es'],
      hours: [
        { weekdays: [1, 2, 3, 4, 5], opensAt: '08:30', closesAt: '12:30', slotMinutes: 20, capacity: 3 },
        { weekdays: [1, 2, 3, 4, 5], opensAt: '14:00', closesAt: '16:00', slotMinutes: 20, capacity: 3 },
      ],
      countersPerDepartment: 4,
    },
    {
      code: 'BCN',
      name: {
        ar: 'القنصلية العامة للمملكة المغربية ببرشلونة',
        fr: 'Consulat général du Royaume du Maroc à Barcelone',
        en: 'Consulate General of the Kingdom of Morocco in Barcelona',
        es: 'Consulado General del Reino de Marruecos en Barcelona',
      },
      country: 'ES',
      city: 'Barcelona',
      address: 'Carrer de Balmes 92, 08008 Barcelona',
      timeZone: 'Europe/Madrid',
      currency: 'EUR',
      currencyMinorDigits: 2,
      demoRatePerMad: 0.092,
      languages: ['ar', 'fr', 'es', 'ca'],
      hours: [
        { weekdays: [1, 2, 3, 4, 5], opensAt: '09:00', closesAt: '12:00', slotMinutes: 20, capacity: 3 },
        { weekdays: [1, 2, 3, 4, 5], opensAt: '14:00', closesAt: '16:00', slotMinutes: 20, capacity: 2 },
      ],
      countersPerDepartment: 3,
    },
    {
      code: 'MIL',
      name: {
        ar: 'القنصلية العامة للمملكة المغربية بميلانو',
        fr: 'Consulat général du Royaume du Maroc à Milan',
        en: 'Consulate General of the Kingdom of Morocco in Milan',
        es: 'Consulado General del Reino de Marruecos en Milán',
      },
      country: 'IT',
      city: 'Milan',
      address: 'Via Lazzaretto 19, 20124 Milano',
      timeZone: 'Europe/Rome',
      currency: 'EUR',
      currencyMinorDigits: 2,
      demoRatePerMad: 0.092,
      languages: ['ar', 'fr', 'it'],
      hours: [
        { weekdays: [1, 2, 3, 4, 5], opensAt: '09:00', closesAt: '12:00', slotMinutes: 20, capacity: 3 },
        { weekdays: [1, 2, 3, 4, 5], opensAt: '14:00', closesAt: '16:00', slotMinutes: 20, capacity: 2 },
      ],
      countersPerDepartment: 3,
    },
    {
      code: 'AMS',
      name: {
        ar: 'القنصلية العامة للمملكة المغربية بأمستردام',
        fr: 'Consulat général du Royaume du Maroc à Amsterdam',
        en: 'Consulate General of the Kingdom of Morocco in Amsterdam',
        es: 'Consulado General del Reino de Marruecos en Ámsterdam',
      },
      country: 'NL',
      city: 'Amsterdam',
      address: 'Weesperzijde 150, 1091 EJ Amsterdam',
      timeZone: 'Europe/Amsterdam',
      currency: 'EUR',
      currencyMinorDigits: 2,
      demoRatePerMad: 0.092,
      languages: ['ar', 'fr', 'nl'],
      hours: [
        { weekdays: [1, 2, 3, 4, 5], opensAt: '08:30', closesAt: '12:30', slotMinutes: 20, capacity: 3 },
        { weekdays: [1, 2, 3, 4, 5], opensAt: '13:30', closesAt: '15:30', slotMinutes: 20, capacity: 3 },
      ],
      countersPerDepartment: 3,
    },
    {
      code: 'DUS',
      name: {
        ar: 'القنصلية العامة للمملكة المغربية بدوسلدورف',
        fr: 'Consulat général du Royaume du Maroc à Düsseldorf',
        en: 'Consulate General of the Kingdom of Morocco in Düsseldorf',
        es: 'Consulado General del Reino de Marruecos en Düsseldorf',
      },
      country: 'DE',
      city: 'Düsseldorf',
      address: 'Cecilienallee 14, 40474 Düsseldorf',
      timeZone: 'Europe/Berlin',
      currency: 'EUR',
      currencyMinorDigits: 2,
      demoRatePerMad: 0.092,
      languages: ['ar', 'fr', 'de'],
      hours: [
        { weekdays: [1, 2, 3, 4, 5], opensAt: '08:30', closesAt: '12:30', slotMinutes: 20, capacity: 3 },
        { weekdays: [1, 2, 3, 4, 5], opensAt: '14:00', closesAt: '16:00', slotMinutes: 20, capacity: 3 },
      ],
      countersPerDepartment: 4,
    },
    {
      code: 'LON',
      name: {
        ar: 'القنصلية العامة للمملكة المغربية بلندن',
        fr: 'Consulat général du Royaume du Maroc à Londres',
        en: 'Consulate General of the Kingdom of Morocco in London',
        es: 'Consulado General del Reino de Marruecos en Londres',
      },
      country: 'GB',
      city: 'London',
      address: '97-99 Praed Street, London W2 1NT',
      timeZone: 'Europe/London',
      currency: 'GBP',
      currencyMinorDigits: 2,
      demoRatePerMad: 0.079,
      languages: ['ar', 'fr', 'en'],
      hours: [
        { weekdays: [1, 2, 3, 4, 5], opensAt: '09:00', closesAt: '12:00', slotMinutes: 20, capacity: 2 },
        { weekdays: [1, 2, 3, 4, 5], opensAt: '14:00', closesAt: '16:00', slotMinutes: 20, capacity: 2 },
      ],
      countersPerDepartment: 2,
    },
    {
      code: 'MTL',
      name: {
        ar: 'القنصلية العامة للمملكة المغربية بمونتريال',
        fr: 'Consulat général du Royaume du Maroc à Montréal',
        en: 'Consulate General of the Kingdom of Morocco in Montreal',
        es: 'Consulado General del Reino de Marruecos en Montreal',
      },
      country: 'CA',
      city: 'Montréal',
      address: '1010 rue Sherbrooke Ouest, Montréal (Québec) H3A 2R7',
      // Montréal keeps Eastern time; America/Toronto is the canonical IANA zone for Quebec too.
      timeZone: 'America/Toronto',
      currency: 'CAD',
      currencyMinorDigits: 2,
      demoRatePerMad: 0.14,
      languages: ['ar', 'fr', 'en'],
      hours: [
        { weekdays: [1, 2, 3, 4, 5], opensAt: '09:00', closesAt: '12:00', slotMinutes: 20, capacity: 3 },
        { weekdays: [1, 2, 3, 4, 5], opensAt: '13:30', closesAt: '15:30', slotMinutes: 20, capacity: 2 },
      ],
      countersPerDepartment: 3,
    },
    {
      code: 'NYC',
      name: {
        ar: 'القنصلية العامة للمملكة المغربية بنيويورك',
        fr: 'Consulat général du Royaume du Maroc à New York',
        en: 'Consulate General of the Kingdom of Morocco in New York',
        es: 'Consulado General del Reino de Marruecos en Nueva York',
      },
      country: 'US',
      city: 'New York',
      address: '10 East 40th Street, New York, NY 10016',
      timeZone: 'America/New_York',
      currency: 'USD',
      currencyMinorDigits: 2,
      demoRatePerMad: 0.1,
      languages: ['ar', 'fr', 'en'],
      hours: [
        { weekdays: [1, 2, 3, 4, 5], opensAt: '09:00', closesAt: '12:00', slotMinutes: 20, capacity: 2 },
        { weekdays: [1, 2, 3, 4, 5], opensAt: '14:00', closesAt: '16:00', slotMinutes: 20, capacity: 2 },
      ],
      countersPerDepartment: 3,
    },
    {
      code: 'DXB',
      name: {
        ar: 'القنصلية العامة للمملكة المغربية بدبي',
        fr: 'Consulat général du Royaume du Maroc à Dubaï',
        en: 'Consulate General of the Kingdom of Morocco in Dubai',
        es: 'Consulado General del Reino de Marruecos en Dubái',
      },
      country: 'AE',
      city: 'Dubai',
      address: 'Villa 12, Street 19, Umm Suqeim 2, Dubai',
      timeZone: 'Asia/Dubai',
      currency: 'AED',
      currencyMinorDigits: 2,
      demoRatePerMad: 0.37,
      languages: ['ar', 'fr', 'en'],
      // Monday to Friday since the UAE's 2022 change; no Friday afternoon (Friday prayer).
      hours: [
        { weekdays: [1, 2, 3, 4, 5], opensAt: '08:30', closesAt: '12:30', slotMinutes: 20, capacity: 3 },
        { weekdays: [1, 2, 3, 4], opensAt: '14:00', closesAt: '16:00', slotMinutes: 20, capacity: 3 },
      ],
      countersPerDepartment: 3,
    },
    {
      code: 'JED',
      name: {
        ar: 'القنصلية العامة للمملكة المغربية بجدة',
        fr: 'Consulat général du Royaume du Maroc à Djeddah',
        en: 'Consulate General of the Kingdom of Morocco in Jeddah',
        es: 'Consulado General del Reino de Marruecos en Yeda',
      },
      country: 'SA',
      city: 'Jeddah',
      address: 'Prince Sultan Road, Al Rawdah District, Jeddah 23435',
      timeZone: 'Asia/Riyadh',
      currency: 'SAR',
      currencyMinorDigits: 2,
      demoRatePerMad: 0.375,
      languages: ['ar', 'fr', 'en'],
      // Saudi working week: Sunday to Thursday.
      hours: [
        { weekdays: [7, 1, 2, 3, 4], opensAt: '08:30', closesAt: '12:30', slotMinutes: 20, capacity: 4 },
        { weekdays: [7, 1, 2, 3, 4], opensAt: '13:00', closesAt: '15:00', slotMinutes: 20, capacity: 3 },
      ],
      countersPerDepartment: 4,
    },
    {
      code: 'TYO',
      name: {
        ar: 'سفارة المملكة المغربية باليابان — القسم القنصلي',
        fr: 'Ambassade du Royaume du Maroc au Japon — section consulaire',
        en: 'Embassy of the Kingdom of Morocco in Japan — Consular Section',
        es: 'Embajada del Reino de Marruecos en Japón — Sección consular',
      },
      country: 'JP',
      city: 'Tokyo',
      address: '5-4-30 Minami-Aoyama, Minato-ku, Tokyo 107-0062',
      timeZone: 'Asia/Tokyo',
      currency: 'JPY',
      currencyMinorDigits: 0,
      demoRatePerMad: 15,
      languages: ['ar', 'fr', 'ja', 'en'],
      hours: [
        { weekdays: [1, 2, 3, 4, 5], opensAt: '09:30', closesAt: '12:30', slotMinutes: 20, capacity: 2 },
        { weekdays: [1, 2, 3, 4, 5], opensAt: '14:00', closesAt: '16:00', slotMinutes: 20, capacity: 2 },
      ],
      countersPerDepartment: 2,
    },
    {
      code: 'CBR',
      name: {
        ar: 'سفارة المملكة المغربية بأستراليا — القسم القنصلي',
        fr: 'Ambassade du Royaume du Maroc en Australie — section consulaire',
        en: 'Embassy of the Kingdom of Morocco in Australia — Consular Section',
        es: 'Embajada del Reino de Marruecos en Australia — Sección consular',
      },
      country: 'AU',
      city: 'Canberra',
      address: "17 Terrigal Crescent, O'Malley ACT 2606",
      // Canberra keeps Sydney time (Australia/Canberra is only an alias of it).
      timeZone: 'Australia/Sydney',
      currency: 'AUD',
      currencyMinorDigits: 2,
      demoRatePerMad: 0.155,
      languages: ['ar', 'fr', 'en'],
      hours: [
        { weekdays: [1, 2, 3, 4, 5], opensAt: '09:00', closesAt: '12:00', slotMinutes: 20, capacity: 2 },
        { weekdays: [1, 2, 3, 4, 5], opensAt: '14:00', closesAt: '16:00', slotMinutes: 20, capacity: 2 },
      ],
      countersPerDepartment: 2,
    },
    {
      code: 'DKR',
      name: {
        ar: 'القنصلية العامة للمملكة المغربية بداكار',
        fr: 'Consulat général du Royaume du Maroc à Dakar',
        en: 'Consulate General of the Kingdom of Morocco in Dakar',
        es: 'Consulado General del Reino de Marruecos en Dakar',
      },
      country: 'SN',
      city: 'Dakar',
      address: 'Avenue Cheikh Anta Diop, Point E, Dakar',
      timeZone: 'Africa/Dakar',
      currency: 'XOF',
      currencyMinorDigits: 0,
      demoRatePerMad: 60,
      languages: ['ar', 'fr', 'wo'],
      // No Friday afternoon (Friday prayer).
      hours: [
        { weekdays: [1, 2, 3, 4, 5], opensAt: '08:30', closesAt: '12:30', slotMinutes: 20, capacity: 3 },
        { weekdays: [1, 2, 3, 4], opensAt: '14:00', closesAt: '16:00', slotMinutes: 20, capacity: 2 },
      ],
      countersPerDepartment: 3,
    },
  ],

  nationalFixedHolidays: [
    { month: 1, day: 1, name: NEW_YEAR },
    {
      month: 1,
      day: 11,
      name: {
        ar: 'ذكرى تقديم وثيقة المطالبة بالاستقلال',
        fr: "Anniversaire du Manifeste de l'indépendance",
        en: 'Proclamation of Independence Manifesto Day',
        es: 'Aniversario del Manifiesto de la Independencia',
      },
    },
    {
      month: 1,
      day: 14,
      name: {
        ar: 'رأس السنة الأمازيغية',
        fr: 'Nouvel an amazigh (Id Yennayer)',
        en: 'Amazigh New Year (Yennayer)',
        es: 'Año Nuevo amazigh (Yennayer)',
      },
    },
    { month: 5, day: 1, name: LABOUR_DAY },
    { month: 7, day: 30, name: { ar: 'عيد العرش', fr: 'Fête du Trône', en: 'Throne Day', es: 'Fiesta del Trono' } },
    {
      month: 8,
      day: 14,
      name: {
        ar: 'ذكرى استرجاع إقليم وادي الذهب',
        fr: "Journée de l'allégeance d'Oued Ed-Dahab",
        en: 'Oued Ed-Dahab Day',
        es: 'Día de Oued Ed-Dahab',
      },
    },
    {
      month: 8,
      day: 20,
      name: {
        ar: 'ذكرى ثورة الملك والشعب',
        fr: 'Révolution du Roi et du Peuple',
        en: 'Revolution of the King and the People',
        es: 'Revolución del Rey y del Pueblo',
      },
    },
    {
      month: 8,
      day: 21,
      name: { ar: 'عيد الشباب', fr: 'Fête de la Jeunesse', en: 'Youth Day', es: 'Fiesta de la Juventud' },
    },
    // Proclaimed a national holiday in late 2025.
    {
      month: 10,
      day: 31,
      name: { ar: 'عيد الوحدة', fr: "Fête de l'Unité", en: 'Unity Day', es: 'Fiesta de la Unidad' },
    },
    {
      month: 11,
      day: 6,
      name: { ar: 'ذكرى المسيرة الخضراء', fr: 'Marche verte', en: 'Green March Day', es: 'Marcha Verde' },
    },
    {
      month: 11,
      day: 18,
      name: {
        ar: 'عيد الاستقلال',
        fr: "Fête de l'Indépendance",
        en: 'Independence Day',
        es: 'Fiesta de la Independencia',
      },
    },
  ],

  // Expected dates (Morocco's own moon sighting decides; they may shift by one day).
  nationalIslamicHolidays: [
    { date: '2026-03-20', name: EID_AL_FITR_1 },
    { date: '2026-03-21', name: EID_AL_FITR_2 },
    { date: '2026-05-27', name: EID_AL_ADHA_1 },
    { date: '2026-05-28', name: EID_AL_ADHA_2 },
    { date: '2026-06-16', name: FIRST_OF_MUHARRAM },
    { date: '2026-08-25', name: MAWLID_1 },
    { date: '2026-08-26', name: MAWLID_2 },
    { date: '2027-03-10', name: EID_AL_FITR_1 },
    { date: '2027-03-11', name: EID_AL_FITR_2 },
    { date: '2027-05-17', name: EID_AL_ADHA_1 },
    { date: '2027-05-18', name: EID_AL_ADHA_2 },
    { date: '2027-06-06', name: FIRST_OF_MUHARRAM },
    { date: '2027-08-15', name: MAWLID_1 },
    { date: '2027-08-16', name: MAWLID_2 },
  ],

  hostCountryHolidays: {
    // France: national public holidays (Alsace-Moselle extras not included).
    FR: [
      { date: '2026-01-01', name: NEW_YEAR },
      { date: '2026-04-06', name: EASTER_MONDAY },
      { date: '2026-05-01', name: LABOUR_DAY },
      { date: '2026-05-08', name: FR_VICTORY },
      { date: '2026-05-14', name: ASCENSION },
      { date: '2026-05-25', name: WHIT_MONDAY },
      { date: '2026-07-14', name: FR_NATIONAL },
      { date: '2026-08-15', name: ASSUMPTION },
      { date: '2026-11-01', name: ALL_SAINTS },
      { date: '2026-11-11', name: ARMISTICE },
      { date: '2026-12-25', name: CHRISTMAS },
      { date: '2027-01-01', name: NEW_YEAR },
      { date: '2027-03-29', name: EASTER_MONDAY },
      { date: '2027-05-01', name: LABOUR_DAY },
      { date: '2027-05-06', name: ASCENSION },
      { date: '2027-05-08', name: FR_VICTORY },
      { date: '2027-05-17', name: WHIT_MONDAY },
      { date: '2027-07-14', name: FR_NATIONAL },
      { date: '2027-08-15', name: ASSUMPTION },
      { date: '2027-11-01', name: ALL_SAINTS },
      { date: '2027-11-11', name: ARMISTICE },
      { date: '2027-12-25', name: CHRISTMAS },
    ],
    // Belgium: the ten legal public holidays.
    BE: [
      { date: '2026-01-01', name: NEW_YEAR },
      { date: '2026-04-06', name: EASTER_MONDAY },
      { date: '2026-05-01', name: LABOUR_DAY },
      { date: '2026-05-14', name: ASCENSION },
      { date: '2026-05-25', name: WHIT_MONDAY },
      { date: '2026-07-21', name: BE_NATIONAL },
      { date: '2026-08-15', name: ASSUMPTION },
      { date: '2026-11-01', name: ALL_SAINTS },
      { date: '2026-11-11', name: ARMISTICE },
      { date: '2026-12-25', name: CHRISTMAS },
      { date: '2027-01-01', name: NEW_YEAR },
      { date: '2027-03-29', name: EASTER_MONDAY },
      { date: '2027-05-01', name: LABOUR_DAY },
      { date: '2027-05-06', name: ASCENSION },
      { date: '2027-05-17', name: WHIT_MONDAY },
      { date: '2027-07-21', name: BE_NATIONAL },
      { date: '2027-08-15', name: ASSUMPTION },
      { date: '2027-11-01', name: ALL_SAINTS },
      { date: '2027-11-11', name: ARMISTICE },
      { date: '2027-12-25', name: CHRISTMAS },
    ],
    // Spain: holidays common to the whole country (regional and local days differ between
    // Madrid and Barcelona, and the table is keyed by country, so they are left out).
    ES: [
      { date: '2026-01-01', name: NEW_YEAR },
      { date: '2026-01-06', name: EPIPHANY },
      { date: '2026-04-03', name: GOOD_FRIDAY },
      { date: '2026-05-01', name: LABOUR_DAY },
      { date: '2026-08-15', name: ASSUMPTION },
      { date: '2026-10-12', name: ES_NATIONAL },
      { date: '2026-11-01', name: ALL_SAINTS },
      { date: '2026-12-06', name: ES_CONSTITUTION },
      { date: '2026-12-08', name: IMMACULATE_CONCEPTION },
      { date: '2026-12-25', name: CHRISTMAS },
      { date: '2027-01-01', name: NEW_YEAR },
      { date: '2027-01-06', name: EPIPHANY },
      { date: '2027-03-26', name: GOOD_FRIDAY },
      { date: '2027-05-01', name: LABOUR_DAY },
      { date: '2027-08-15', name: ASSUMPTION },
      { date: '2027-10-12', name: ES_NATIONAL },
      { date: '2027-11-01', name: ALL_SAINTS },
      { date: '2027-12-06', name: ES_CONSTITUTION },
      { date: '2027-12-08', name: IMMACULATE_CONCEPTION },
      { date: '2027-12-25', name: CHRISTMAS },
    ],
    // Italy: national holidays (St Francis restored from 2026), plus Milan's patron saint.
    IT: [
      { date: '2026-01-01', name: NEW_YEAR },
      { date: '2026-01-06', name: EPIPHANY },
      { date: '2026-04-06', name: EASTER_MONDAY },
      { date: '2026-04-25', name: IT_LIBERATION },
      { date: '2026-05-01', name: LABOUR_DAY },
      { date: '2026-06-02', name: IT_REPUBLIC },
      { date: '2026-08-15', name: ASSUMPTION },
      { date: '2026-10-04', name: IT_ST_FRANCIS },
      { date: '2026-11-01', name: ALL_SAINTS },
      { date: '2026-12-07', name: IT_ST_AMBROSE },
      { date: '2026-12-08', name: IMMACULATE_CONCEPTION },
      { date: '2026-12-25', name: CHRISTMAS },
      { date: '2026-12-26', name: IT_ST_STEPHEN },
      { date: '2027-01-01', name: NEW_YEAR },
      { date: '2027-01-06', name: EPIPHANY },
      { date: '2027-03-29', name: EASTER_MONDAY },
      { date: '2027-04-25', name: IT_LIBERATION },
      { date: '2027-05-01', name: LABOUR_DAY },
      { date: '2027-06-02', name: IT_REPUBLIC },
      { date: '2027-08-15', name: ASSUMPTION },
      { date: '2027-10-04', name: IT_ST_FRANCIS },
      { date: '2027-11-01', name: ALL_SAINTS },
      { date: '2027-12-07', name: IT_ST_AMBROSE },
      { date: '2027-12-08', name: IMMACULATE_CONCEPTION },
      { date: '2027-12-25', name: CHRISTMAS },
      { date: '2027-12-26', name: IT_ST_STEPHEN },
    ],
    // Netherlands: official holidays on weekdays (Liberation Day observed every year here).
    NL: [
      { date: '2026-01-01', name: NEW_YEAR },
      { date: '2026-04-06', name: EASTER_MONDAY },
      { date: '2026-04-27', name: NL_KINGS_DAY },
      { date: '2026-05-05', name: NL_LIBERATION },
      { date: '2026-05-14', name: ASCENSION },
      { date: '2026-05-25', name: WHIT_MONDAY },
      { date: '2026-12-25', name: CHRISTMAS },
      { date: '2026-12-26', name: SECOND_CHRISTMAS_DAY },
      { date: '2027-01-01', name: NEW_YEAR },
      { date: '2027-03-29', name: EASTER_MONDAY },
      { date: '2027-04-27', name: NL_KINGS_DAY },
      { date: '2027-05-05', name: NL_LIBERATION },
      { date: '2027-05-06', name: ASCENSION },
      { date: '2027-05-17', name: WHIT_MONDAY },
      { date: '2027-12-25', name: CHRISTMAS },
      { date: '2027-12-26', name: SECOND_CHRISTMAS_DAY },
    ],
    // Germany: national holidays plus those of North Rhine-Westphalia (Düsseldorf).
    DE: [
      { date: '2026-01-01', name: NEW_YEAR },
      { date: '2026-04-03', name: GOOD_FRIDAY },
      { date: '2026-04-06', name: EASTER_MONDAY },
      { date: '2026-05-01', name: LABOUR_DAY },
      { date: '2026-05-14', name: ASCENSION },
      { date: '2026-05-25', name: WHIT_MONDAY },
      { date: '2026-06-04', name: CORPUS_CHRISTI },
      { date: '2026-10-03', name: DE_UNITY },
      { date: '2026-11-01', name: ALL_SAINTS },
      { date: '2026-12-25', name: CHRISTMAS },
      { date: '2026-12-26', name: SECOND_CHRISTMAS_DAY },
      { date: '2027-01-01', name: NEW_YEAR },
      { date: '2027-03-26', name: GOOD_FRIDAY },
      { date: '2027-03-29', name: EASTER_MONDAY },
      { date: '2027-05-01', name: LABOUR_DAY },
      { date: '2027-05-06', name: ASCENSION },
      { date: '2027-05-17', name: WHIT_MONDAY },
      { date: '2027-05-27', name: CORPUS_CHRISTI },
      { date: '2027-10-03', name: DE_UNITY },
      { date: '2027-11-01', name: ALL_SAINTS },
      { date: '2027-12-25', name: CHRISTMAS },
      { date: '2027-12-26', name: SECOND_CHRISTMAS_DAY },
    ],
    // United Kingdom: bank holidays in England and Wales, with substitute days.
    GB: [
      { date: '2026-01-01', name: NEW_YEAR },
      { date: '2026-04-03', name: GOOD_FRIDAY },
      { date: '2026-04-06', name: EASTER_MONDAY },
      { date: '2026-05-04', name: GB_EARLY_MAY },
      { date: '2026-05-25', name: GB_SPRING },
      { date: '2026-08-31', name: GB_SUMMER },
      { date: '2026-12-25', name: CHRISTMAS },
      { date: '2026-12-28', name: BOXING_DAY_SUBSTITUTE },
      { date: '2027-01-01', name: NEW_YEAR },
      { date: '2027-03-26', name: GOOD_FRIDAY },
      { date: '2027-03-29', name: EASTER_MONDAY },
      { date: '2027-05-03', name: GB_EARLY_MAY },
      { date: '2027-05-31', name: GB_SPRING },
      { date: '2027-08-30', name: GB_SUMMER },
      { date: '2027-12-27', name: CHRISTMAS_SUBSTITUTE },
      { date: '2027-12-28', name: BOXING_DAY_SUBSTITUTE },
    ],
    // Canada: Quebec statutory holidays (Montréal); Quebec's public service also closes on both
    // Good Friday and Easter Monday.
    CA: [
      { date: '2026-01-01', name: NEW_YEAR },
      { date: '2026-04-03', name: GOOD_FRIDAY },
      { date: '2026-04-06', name: EASTER_MONDAY },
      { date: '2026-05-18', name: CA_PATRIOTES },
      { date: '2026-06-24', name: CA_QUEBEC_NATIONAL },
      { date: '2026-07-01', name: CA_CANADA_DAY },
      { date: '2026-09-07', name: LABOUR_DAY },
      { date: '2026-10-12', name: CA_THANKSGIVING },
      { date: '2026-12-25', name: CHRISTMAS },
      { date: '2027-01-01', name: NEW_YEAR },
      { date: '2027-03-26', name: GOOD_FRIDAY },
      { date: '2027-03-29', name: EASTER_MONDAY },
      { date: '2027-05-24', name: CA_PATRIOTES },
      { date: '2027-06-24', name: CA_QUEBEC_NATIONAL },
      { date: '2027-07-01', name: CA_CANADA_DAY },
      { date: '2027-09-06', name: LABOUR_DAY },
      { date: '2027-10-11', name: CA_THANKSGIVING },
      { date: '2027-12-25', name: CHRISTMAS },
    ],
    // United States: federal holidays, on the days they are observed.
    US: [
      { date: '2026-01-01', name: NEW_YEAR },
      { date: '2026-01-19', name: US_MLK_DAY },
      { date: '2026-02-16', name: US_WASHINGTON },
      { date: '2026-05-25', name: US_MEMORIAL },
      { date: '2026-06-19', name: US_JUNETEENTH },
      {
        date: '2026-07-03',
        name: {
          ar: 'عيد الاستقلال الأمريكي (يوم العطلة المعتمد)',
          fr: "Fête de l'Indépendance (jour chômé)",
          en: 'Independence Day (observed)',
          es: 'Día de la Independencia (día observado)',
        },
      },
      { date: '2026-09-07', name: US_LABOR },
      { date: '2026-10-12', name: US_COLUMBUS },
      { date: '2026-11-11', name: US_VETERANS },
      { date: '2026-11-26', name: US_THANKSGIVING },
      { date: '2026-12-25', name: CHRISTMAS },
      { date: '2027-01-01', name: NEW_YEAR },
      { date: '2027-01-18', name: US_MLK_DAY },
      { date: '2027-02-15', name: US_WASHINGTON },
      { date: '2027-05-31', name: US_MEMORIAL },
      {
        date: '2027-06-18',
        name: {
          ar: 'جونتينث (يوم العطلة المعتمد)',
          fr: 'Juneteenth (jour chômé)',
          en: 'Juneteenth National Independence Day (observed)',
          es: 'Juneteenth (día observado)',
        },
      },
      {
        date: '2027-07-05',
        name: {
          ar: 'عيد الاستقلال الأمريكي (يوم العطلة المعتمد)',
          fr: "Fête de l'Indépendance (jour chômé)",
          en: 'Independence Day (observed)',
          es: 'Día de la Independencia (día observado)',
        },
      },
      { date: '2027-09-06', name: US_LABOR },
      { date: '2027-10-11', name: US_COLUMBUS },
      { date: '2027-11-11', name: US_VETERANS },
      { date: '2027-11-25', name: US_THANKSGIVING },
      {
        date: '2027-12-24',
        name: {
          ar: 'عيد الميلاد المجيد (يوم العطلة المعتمد)',
          fr: 'Noël (jour chômé)',
          en: 'Christmas Day (observed)',
          es: 'Navidad (día observado)',
        },
      },
      {
        // 1 January 2028 is a Saturday: the federal holiday is observed on Friday 31 December.
        date: '2027-12-31',
        name: {
          ar: 'رأس السنة الميلادية 2028 (يوم العطلة المعتمد)',
          fr: "Jour de l'an 2028 (jour chômé)",
          en: "New Year's Day 2028 (observed)",
          es: 'Año Nuevo 2028 (día observado)',
        },
      },
    ],
    // United Arab Emirates: unified public/private sector holidays. Lunar dates are expected ones.
    AE: [
      { date: '2026-01-01', name: NEW_YEAR },
      { date: '2026-03-19', name: EID_AL_FITR_HOLIDAY },
      { date: '2026-03-20', name: EID_AL_FITR_HOLIDAY },
      { date: '2026-03-21', name: EID_AL_FITR_HOLIDAY },
      { date: '2026-03-22', name: EID_AL_FITR_HOLIDAY },
      { date: '2026-05-26', name: ARAFAT_DAY },
      { date: '2026-05-27', name: EID_AL_ADHA_HOLIDAY },
      { date: '2026-05-28', name: EID_AL_ADHA_HOLIDAY },
      { date: '2026-05-29', name: EID_AL_ADHA_HOLIDAY },
      { date: '2026-06-16', name: HIJRI_NEW_YEAR },
      { date: '2026-08-25', name: MAWLID },
      { date: '2026-12-01', name: AE_COMMEMORATION },
      { date: '2026-12-02', name: AE_NATIONAL },
      { date: '2026-12-03', name: AE_NATIONAL },
      { date: '2027-01-01', name: NEW_YEAR },
      { date: '2027-03-08', name: EID_AL_FITR_HOLIDAY },
      { date: '2027-03-09', name: EID_AL_FITR_HOLIDAY },
      { date: '2027-03-10', name: EID_AL_FITR_HOLIDAY },
      { date: '2027-03-11', name: EID_AL_FITR_HOLIDAY },
      { date: '2027-05-15', name: ARAFAT_DAY },
      { date: '2027-05-16', name: EID_AL_ADHA_HOLIDAY },
      { date: '2027-05-17', name: EID_AL_ADHA_HOLIDAY },
      { date: '2027-05-18', name: EID_AL_ADHA_HOLIDAY },
      { date: '2027-06-06', name: HIJRI_NEW_YEAR },
      { date: '2027-08-14', name: MAWLID },
      { date: '2027-12-01', name: AE_COMMEMORATION },
      { date: '2027-12-02', name: AE_NATIONAL },
      { date: '2027-12-03', name: AE_NATIONAL },
    ],
    // Saudi Arabia: Founding Day, National Day and the two Eid holidays (four days each, from the
    // day after 29 Ramadan and from Arafat Day). Lunar dates follow the expected Umm al-Qura dates.
    SA: [
      { date: '2026-02-22', name: SA_FOUNDING },
      { date: '2026-03-19', name: EID_AL_FITR_HOLIDAY },
      { date: '2026-03-20', name: EID_AL_FITR_HOLIDAY },
      { date: '2026-03-21', name: EID_AL_FITR_HOLIDAY },
      { date: '2026-03-22', name: EID_AL_FITR_HOLIDAY },
      { date: '2026-05-26', name: ARAFAT_DAY },
      { date: '2026-05-27', name: EID_AL_ADHA_HOLIDAY },
      { date: '2026-05-28', name: EID_AL_ADHA_HOLIDAY },
      { date: '2026-05-29', name: EID_AL_ADHA_HOLIDAY },
      { date: '2026-09-23', name: SA_NATIONAL },
      { date: '2027-02-22', name: SA_FOUNDING },
      { date: '2027-03-09', name: EID_AL_FITR_HOLIDAY },
      { date: '2027-03-10', name: EID_AL_FITR_HOLIDAY },
      { date: '2027-03-11', name: EID_AL_FITR_HOLIDAY },
      { date: '2027-03-12', name: EID_AL_FITR_HOLIDAY },
      { date: '2027-05-15', name: ARAFAT_DAY },
      { date: '2027-05-16', name: EID_AL_ADHA_HOLIDAY },
      { date: '2027-05-17', name: EID_AL_ADHA_HOLIDAY },
      { date: '2027-05-18', name: EID_AL_ADHA_HOLIDAY },
      { date: '2027-09-23', name: SA_NATIONAL },
    ],
    // Japan: national holidays, with substitute and in-between days.
    JP: [
      { date: '2026-01-01', name: NEW_YEAR },
      { date: '2026-01-12', name: JP_COMING_OF_AGE },
      { date: '2026-02-11', name: JP_FOUNDATION },
      { date: '2026-02-23', name: JP_EMPEROR },
      { date: '2026-03-20', name: JP_VERNAL_EQUINOX },
      { date: '2026-04-29', name: JP_SHOWA },
      { date: '2026-05-03', name: JP_CONSTITUTION },
      { date: '2026-05-04', name: JP_GREENERY },
      { date: '2026-05-05', name: JP_CHILDREN },
      { date: '2026-05-06', name: JP_SUBSTITUTE },
      { date: '2026-07-20', name: JP_MARINE },
      { date: '2026-08-11', name: JP_MOUNTAIN },
      { date: '2026-09-21', name: JP_RESPECT_AGED },
      { date: '2026-09-22', name: JP_CITIZENS },
      { date: '2026-09-23', name: JP_AUTUMNAL_EQUINOX },
      { date: '2026-10-12', name: JP_SPORTS },
      { date: '2026-11-03', name: JP_CULTURE },
      { date: '2026-11-23', name: JP_LABOUR_THANKSGIVING },
      { date: '2027-01-01', name: NEW_YEAR },
      { date: '2027-01-11', name: JP_COMING_OF_AGE },
      { date: '2027-02-11', name: JP_FOUNDATION },
      { date: '2027-02-23', name: JP_EMPEROR },
      { date: '2027-03-21', name: JP_VERNAL_EQUINOX },
      { date: '2027-03-22', name: JP_SUBSTITUTE },
      { date: '2027-04-29', name: JP_SHOWA },
      { date: '2027-05-03', name: JP_CONSTITUTION },
      { date: '2027-05-04', name: JP_GREENERY },
      { date: '2027-05-05', name: JP_CHILDREN },
      { date: '2027-07-19', name: JP_MARINE },
      { date: '2027-08-11', name: JP_MOUNTAIN },
      { date: '2027-09-20', name: JP_RESPECT_AGED },
      { date: '2027-09-23', name: JP_AUTUMNAL_EQUINOX },
      { date: '2027-10-11', name: JP_SPORTS },
      { date: '2027-11-03', name: JP_CULTURE },
      { date: '2027-11-23', name: JP_LABOUR_THANKSGIVING },
    ],
    // Australia: public holidays of the Australian Capital Territory (Canberra).
    AU: [
      { date: '2026-01-01', name: NEW_YEAR },
      { date: '2026-01-26', name: AU_AUSTRALIA_DAY },
      { date: '2026-03-09', name: AU_CANBERRA_DAY },
      { date: '2026-04-03', name: GOOD_FRIDAY },
      { date: '2026-04-04', name: EASTER_SATURDAY },
      { date: '2026-04-05', name: EASTER_SUNDAY },
      { date: '2026-04-06', name: EASTER_MONDAY },
      { date: '2026-04-25', name: AU_ANZAC },
      { date: '2026-06-01', name: AU_RECONCILIATION },
      { date: '2026-06-08', name: AU_KINGS_BIRTHDAY },
      { date: '2026-10-05', name: LABOUR_DAY },
      { date: '2026-12-25', name: CHRISTMAS },
      { date: '2026-12-28', name: BOXING_DAY_SUBSTITUTE },
      { date: '2027-01-01', name: NEW_YEAR },
      { date: '2027-01-26', name: AU_AUSTRALIA_DAY },
      { date: '2027-03-08', name: AU_CANBERRA_DAY },
      { date: '2027-03-26', name: GOOD_FRIDAY },
      { date: '2027-03-27', name: EASTER_SATURDAY },
      { date: '2027-03-28', name: EASTER_SUNDAY },
      { date: '2027-03-29', name: EASTER_MONDAY },
      {
        date: '2027-04-26',
        name: {
          ar: 'يوم أنزاك (يوم عطلة بديل)',
          fr: 'Anzac Day (jour férié reporté)',
          en: 'Anzac Day (substitute day)',
          es: 'Día de ANZAC (festivo trasladado)',
        },
      },
      { date: '2027-05-31', name: AU_RECONCILIATION },
      { date: '2027-06-14', name: AU_KINGS_BIRTHDAY },
      { date: '2027-10-04', name: LABOUR_DAY },
      { date: '2027-12-27', name: CHRISTMAS_SUBSTITUTE },
      { date: '2027-12-28', name: BOXING_DAY_SUBSTITUTE },
    ],
    // Senegal: civil and religious public holidays. Lunar dates are expected ones (local sighting).
    SN: [
      { date: '2026-01-01', name: NEW_YEAR },
      { date: '2026-03-20', name: SN_KORITE },
      { date: '2026-04-04', name: SN_INDEPENDENCE },
      { date: '2026-04-06', name: EASTER_MONDAY },
      { date: '2026-05-01', name: LABOUR_DAY },
      { date: '2026-05-14', name: ASCENSION },
      { date: '2026-05-25', name: WHIT_MONDAY },
      { date: '2026-05-27', name: SN_TABASKI },
      { date: '2026-06-25', name: SN_TAMKHARIT },
      { date: '2026-08-02', name: SN_GRAND_MAGAL },
      { date: '2026-08-15', name: ASSUMPTION },
      { date: '2026-08-25', name: MAWLID },
      { date: '2026-11-01', name: ALL_SAINTS },
      { date: '2026-12-25', name: CHRISTMAS },
      { date: '2027-01-01', name: NEW_YEAR },
      { date: '2027-03-10', name: SN_KORITE },
      { date: '2027-03-29', name: EASTER_MONDAY },
      { date: '2027-04-04', name: SN_INDEPENDENCE },
      { date: '2027-05-01', name: LABOUR_DAY },
      { date: '2027-05-06', name: ASCENSION },
      {
        // Whit Monday and the expected Tabaski fall on the same day in 2027.
        date: '2027-05-17',
        name: {
          ar: 'اثنين العنصرة وعيد الأضحى (تاباسكي)',
          fr: 'Lundi de Pentecôte et Tabaski (Aïd al-Adha)',
          en: 'Whit Monday and Tabaski (Eid al-Adha)',
          es: 'Lunes de Pentecostés y Tabaski (Eid al-Adha)',
        },
      },
      { date: '2027-06-15', name: SN_TAMKHARIT },
      { date: '2027-07-22', name: SN_GRAND_MAGAL },
      {
        // Assumption and the expected Maouloud fall on the same day in 2027.
        date: '2027-08-15',
        name: {
          ar: 'عيد انتقال السيدة العذراء وعيد المولد النبوي الشريف',
          fr: 'Assomption et Maouloud (naissance du Prophète)',
          en: "Assumption Day and Mawlid (the Prophet's Birthday)",
          es: 'Asunción de la Virgen y Mawlid (nacimiento del Profeta)',
        },
      },
      { date: '2027-11-01', name: ALL_SAINTS },
      { date: '2027-12-25', name: CHRISTMAS },
    ],
  },
};
