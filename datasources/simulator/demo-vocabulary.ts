/**
 * Word lists the demo users are combined from. Names come from several cultures (with diacritics, compound and
 * particle surnames) so clients meet the names real directories hold, not "User 17".
 */

export const FIRST_NAMES: readonly string[] = [
  // Finnish
  'Aino', 'Eero', 'Juha', 'Kaisa', 'Mikko', 'Sanna', 'Tuomas', 'Päivi', 'Jyrki', 'Heikki', 'Riikka', 'Ville',
  'Anna-Liisa', 'Sampo', 'Outi', 'Jari', 'Minna', 'Lauri', 'Tiina', 'Eveliina',
  // Swedish / Norwegian / Danish
  'Astrid', 'Björn', 'Freja', 'Gustav', 'Ingrid', 'Lars', 'Linnea', 'Magnus', 'Sigrid', 'Søren', 'Elin', 'Oskar',
  // English
  'Alice', 'Benjamin', 'Charlotte', 'Daniel', 'Emily', 'George', 'Hannah', 'Jack', 'Olivia', 'Thomas', 'Grace',
  'William', 'Sophie', 'James', 'Chloe', 'Oliver',
  // German
  'Anja', 'Jörg', 'Katrin', 'Lukas', 'Matthias', 'Sabine', 'Stefan', 'Ute', 'Jürgen', 'Lena', 'Maximilian', 'Greta',
  // Spanish / Portuguese
  'Alejandro', 'Carmen', 'Diego', 'Lucía', 'Mateo', 'Sofía', 'João', 'Inês', 'Rafael', 'Beatriz', 'Javier', 'Marta',
  // French / Italian
  'Camille', 'Étienne', 'Léa', 'Hugo', 'Giulia', 'Lorenzo', 'Chiara', 'Matteo', 'Amélie', 'Niccolò',
  // Polish / Czech
  'Agnieszka', 'Bartosz', 'Katarzyna', 'Łukasz', 'Zuzana', 'Tomáš', 'Małgorzata', 'Piotr',
  // South Asian
  'Aarav', 'Ananya', 'Priya', 'Rahul', 'Sanjay', 'Deepika', 'Vikram', 'Lakshmi', 'Arjun', 'Kavya', 'Rohan', 'Meera',
  // East / South-East Asian
  'Wei', 'Li', 'Xiaoming', 'Mei', 'Hiroshi', 'Yuki', 'Sakura', 'Kenji', 'Min-jun', 'Seo-yeon', 'Thanh', 'Linh',
  // Arabic / Persian / Turkish
  'Omar', 'Fatima', 'Layla', 'Yusuf', 'Amir', 'Nour', 'Dariush', 'Shirin', 'Emre', 'Elif', 'Zeynep', 'Karim',
  // African
  'Chinedu', 'Amara', 'Kwame', 'Abena', 'Tendai', 'Nomvula', 'Oluwaseun', 'Wanjiru', 'Kofi', 'Zanele',
  // Slavic / Baltic / Greek
  'Dmitri', 'Olena', 'Ivana', 'Nikola', 'Rasa', 'Jānis', 'Eleni', 'Giorgos', 'Mariya', 'Andriy',
];

/** Surnames; a few are two words (particles, Spanish double surnames), which makes a three-word full name. */
export const LAST_NAMES: readonly string[] = [
  // Finnish
  'Virtanen', 'Korhonen', 'Nieminen', 'Mäkinen', 'Hämäläinen', 'Laine', 'Heikkinen', 'Koskinen', 'Järvinen',
  'Lehtonen', 'Saarinen', 'Salminen', 'Äijälä', 'Kekkonen', 'Rantanen', 'Lindqvist',
  // Swedish / Norwegian / Danish
  'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Sjöberg', 'Håkansson', 'Berg', 'Dahl', 'Jørgensen',
  'Nørgaard', 'Holm',
  // English
  'Smith', 'Johnson', 'Williams', 'Brown', 'Taylor', "O'Connor", 'Wright', 'Walker', 'Clarke', 'Hughes', 'Edwards',
  'Bennett', 'Fletcher', 'Harrison',
  // German / Dutch
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Becker', 'Schäfer', 'Krüger', 'Hoffmann', 'Wagner',
  'van der Berg', 'de Vries', 'Janssen', 'Groß',
  // Spanish / Portuguese
  'García', 'Martínez', 'Rodríguez', 'Fernández', 'López', 'Sánchez', 'García López', 'Silva', 'Santos', 'Oliveira',
  'Pereira', 'Costa',
  // French / Italian
  'Dubois', 'Lefèvre', 'Moreau', 'Fontaine', 'Rossi', 'Russo', 'Esposito', 'Bianchi', 'Romano', 'Ricci',
  // Polish / Czech
  'Kowalski', 'Nowak', 'Wiśniewska', 'Wójcik', 'Dvořák', 'Novotná', 'Zieliński', 'Kamińska',
  // South Asian
  'Sharma', 'Patel', 'Iyer', 'Reddy', 'Nair', 'Gupta', 'Menon', 'Chatterjee', 'Desai', 'Kapoor', 'Rao', 'Singh',
  // East / South-East Asian
  'Wang', 'Zhang', 'Chen', 'Liu', 'Tanaka', 'Suzuki', 'Takahashi', 'Watanabe', 'Kim', 'Park', 'Nguyen', 'Tran',
  // Arabic / Persian / Turkish
  'Haddad', 'Al-Sayed', 'Khalil', 'Nasser', 'Farahani', 'Tehrani', 'Yılmaz', 'Demir', 'Şahin', 'Aydın',
  // African
  'Okafor', 'Mensah', 'Adeyemi', 'Mwangi', 'Dlamini', 'Nkosi', 'Boateng', 'Okonkwo', 'Moyo', 'Achieng',
  // Slavic / Baltic / Greek
  'Ivanov', 'Petrenko', 'Horvat', 'Kovačević', 'Kazlauskas', 'Bērziņš', 'Papadopoulos', 'Nikolaidis', 'Popescu',
];

export interface Company {
  name: string;
  /** The mail domain of its people. */
  domain: string;
}

/** Some with spaces, one with a colon: organisation and group ids are derived from these names. */
export const COMPANIES: readonly Company[] = [
  { name: 'Acme Corp', domain: 'acme.example.com' },
  { name: 'Northwind: EMEA', domain: 'emea.northwind.example' },
  { name: 'Globex', domain: 'globex.example' },
  { name: 'Initech', domain: 'initech.example' },
  { name: 'Contoso Ltd', domain: 'contoso.example' },
  { name: 'Vandelay Industries', domain: 'vandelay.example' },
  { name: 'Stark & Wayne Consulting', domain: 'starkwayne.example' },
];

export const DEPARTMENTS: readonly { name: string; titles: readonly string[] }[] = [
  { name: 'Engineering', titles: ['Software Engineer', 'Senior Software Engineer', 'Engineering Manager', 'Staff Engineer'] },
  { name: 'IT Operations', titles: ['System Administrator', 'Site Reliability Engineer', 'Network Engineer', 'IT Manager'] },
  { name: 'Security', titles: ['Security Analyst', 'CISO', 'Penetration Tester', 'Security Architect'] },
  { name: 'Finance', titles: ['Financial Controller', 'Accountant', 'CFO', 'Payroll Specialist'] },
  { name: 'Human Resources', titles: ['HR Partner', 'Recruiter', 'HR Director'] },
  { name: 'Sales', titles: ['Account Executive', 'Sales Director', 'Solutions Consultant'] },
  { name: 'Customer Support', titles: ['Support Engineer', 'Support Team Lead', 'Customer Success Manager'] },
  { name: 'Legal', titles: ['Legal Counsel', 'Compliance Officer', 'Paralegal'] },
  { name: 'Research & Development', titles: ['Research Scientist', 'Data Scientist', 'Lab Manager'] },
  { name: 'Facilities', titles: ['Facilities Coordinator', 'Office Manager'] },
];

export const TAGS: readonly string[] = ['contractor', 'oncall', 'vpn', 'finance-approver', 'admin-tier0', 'remote'];

export const LOCALES: readonly string[] = ['fi_FI', 'en_US', 'sv_SE', 'de_DE', 'en_GB'];

export const TIMEZONES: readonly string[] = [
  'Europe/Helsinki', 'Europe/Stockholm', 'Europe/Berlin', 'Europe/London', 'America/New_York', 'Asia/Kolkata',
  'Asia/Tokyo', 'America/Los_Angeles',
];

export const USER_COMMENTS: readonly string[] = [
  '', '', '', '', 'Synced from HR', 'Temporary access until project end', 'Break-glass holder', 'Migrated from legacy LDAP',
];

/** Lower-case ASCII of a name part, for principals and mail addresses ("Mäkinen" → "makinen", "O'Connor" → "oconnor"). */
export function asciiSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/ł/g, 'l')
    .replace(/ı/g, 'i')
    .normalize('NFD')
    .replace(/[^a-z]/g, '');
}
