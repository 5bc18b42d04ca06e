/**
 * Common and breached passwords, refused when a password is set (OWASP ASVS 5, 6.2.4). Compared in
 * lower case after trimming; only entries of the minimum length or longer matter, shorter ones are
 * refused by the length rule anyway. Each base word is also refused with the usual suffixes people
 * add to pass a length rule (`password1`, `sayang123`, `jakarta2026`, `qwerty!!`).
 */
const LIST = `
123456789 1234567890 12345678 11111111 00000000 123123123 1234567 qwertyuiop qwerty123 1q2w3e4r
1q2w3e4r5t 1q2w3e4r5t6y 1qaz2wsx 1qazxsw2 zaq12wsx zaq1zaq1 qazwsxedc qwe123qwe 123qweasd 123qweasdzxc
qweasdzxc asdfghjkl asdfasdf qwertyui zxcvbnm1 password passw0rd p@ssw0rd p@ssword pa55word pa$$word
password1 password12 password123 password1234 passwordpassword iloveyou iloveyou1 iloveyou2 princess1
sunshine1 football1 baseball1 basketball superman1 batman123 trustno1 letmein1 letmein123 welcome1
welcome123 welcome2 abc12345 abcd1234 abc123456 a1b2c3d4 a1234567 aa123456 aaa11111 q1w2e3r4 q1w2e3r4t5
1a2b3c4d 123abc123 qwer1234 asdf1234 zxcv1234 1234qwer 1234abcd 12341234 12344321 87654321 98765432
987654321 0987654321 11223344 112233445566 123321123 12121212 21212121 13131313 14141414 69696969
123456789a 123456789q 12345678a 12345678910 1234567891 123456780 147258369 741852963 159753456 123654789
147852369 963852741 789456123 456789123 159357852 258258258 369369369 456456456 789789789 147147147
monkey123 dragon123 shadow123 master123 michael1 jennifer1 jordan23 hunter22 ranger12 buster12 soccer12
charlie1 computer1 internet1 starwars1 pokemon1 minecraft1 fortnite1 whatever1 freedom1 thunder1 ginger12
cookie123 hello123 hello1234 hellohello helloworld hello12345 loveyou1 lovely123 myspace1 blink182
qwerty12 qwerty1234 qwertyuiop123 asdfghjkl123 zxcvbnm123 q1w2e3r4t5y6 1qaz2wsx3edc 1qazxsw23edc
zaq1xsw2 zaq1xsw2cde3 !qaz2wsx !qaz1qaz 1q2w3e4r5t6y7u8i 1q2w3e4r5t6y7u qwerty123456 password!
password1! p@ssw0rd1 p@ssw0rd123 passw0rd1 password01 password11 password99 password2 password3
changeme changeme1 changeme123 default1 default123 secret123 secret12 letmein! admin1234 admin12345
admin123456 administrator adminadmin root1234 rootroot toor1234 test1234 test12345 testtest testing1
testing123 guest123 guestguest user1234 username username1 userpass login123 loginlogin qwerty!
abcdefg1 abcdefgh1 abcde12345 aaaaaa11 zzzzzz11 passpass passpass1 mypassword mypassword1 newpassword
nopassword yourpassword thepassword password@123 pass@123 pass1234 pass12345 p4ssword p4ssw0rd
iloveyou123 iloveu123 iloveyou! loveme123 lovelove lovelove1 love1234 love12345 ihateyou imissyou
michelle1 jessica1 ashley123 daniel123 andrew123 joshua123 matthew1 anthony1 robert123 william1 thomas123
jordan123 taylor123 hannah123 samantha1 jasmine1 amanda123 nicole123 melissa1 patrick1 charles1 george123
1111111111 2222222222 123456123456 123123123123 147258369a abc123abc 1qaz!qaz 1qaz@wsx qazwsx123 qazwsxedc123
`;

/**
 * Words that, alone or with a number or sign after them, make up most of the breached lists; the
 * Indonesian ones come from leaked Indonesian sets, and the product's and its partners' names are
 * the first guesses against this service.
 */
const BASE_WORDS = `
password passwd pass qwerty qwertz azerty asdf asdfgh zxcvbn abc abcd abcdef admin administrator root
test tester testing guest user login welcome letmein secret master default changeme access super
superman batman spiderman ironman pokemon pikachu naruto goku starwars minecraft fortnite roblox
dragon monkey shadow sunshine princess football soccer baseball basketball hockey tennis golfer
iloveyou iloveu loveyou lovely love lover loving sweet sweety sweetie honey baby babygirl babyboy
angel angels flower flowers summer winter spring autumn purple orange yellow silver golden diamond
freedom whatever trustno nothing forever heaven hello hellokitty computer internet google facebook
instagram twitter youtube apple samsung iphone android nokia windows linux microsoft mustang ferrari
porsche corvette harley yamaha honda toyota suzuki mercedes charlie michael jennifer jordan hunter
ranger buster thomas robert daniel andrew joshua matthew anthony william james david richard joseph
jessica ashley amanda michelle nicole melissa samantha hannah taylor jasmine justin austin tigger
ginger cookie cheese pepper chocolate banana orange lemon coffee chicken killer hacker matrix
zxcvbnm qazwsx asdfgh abcdefg football1 liverpool chelsea arsenal manchester barcelona realmadrid
juventus milan madrid bayern united jakarta bandung surabaya medan semarang bali yogyakarta jogja
makassar indonesia garuda merdeka pancasila bismillah alhamdulillah insyaallah subhanallah allahuakbar
sayang sayangku cinta cintaku rahasia kucing anjing bintang matahari bulan pelangi mawar melati
sekolah guru siswa belajar rindu kangen ganteng cantik manis semangat sukses bahagia indah keluarga
persib persija arema persebaya jalin jalinan trakindo caterpillar cat admin jalindemo demo sandi
katasandi kata sandi masuk bukakan rahasiaku password indonesia123 monyet ayam sapi babi bangsat
anjay mantap mantul keren gokil asik asyik
maverick midnight mercedes scorpion thunder platinum precious victoria alexander alexandra christopher
christian elizabeth jonathan benjamin nicholas danielle courtney mitchell brittany caroline veronica
scooter chester creative cocacola blahblah fuckyou fuckoff asshole bigdaddy bulldog chicago dallas
phoenix newyork california america canada england london paris germany france brazil mexico russia
spider spiderman1 wolverine warrior wizard merlin gandalf voyager enterprise startrek stargate galaxy
universe rainbow butterfly dolphin dolphins elephant tiger tigers lion lions panther panthers eagle eagles
falcon falcons cowboys steelers packers yankees redsox lakers bulls raiders broncos giants jets patriots
marlboro budweiser heineken guinness whiskey vodka jackdaniels slipknot metallica nirvana eminem
beatles pinkfloyd ronaldo messi neymar beckham jordan23 kobe24 lebron michaeljordan tinkerbell barbie
snoopy scooby garfield mickey minnie donald goofy simpson bart homer spongebob patrick naruto sasuke
sakura hinata itachi kakashi onepiece luffy zoro dragonball vegeta pokemon charizard zelda mario luigi
sonic playstation xbox nintendo gameboy counter strike warcraft starcraft diablo runescape steam
letmein trustme believe destiny dreamer dreams forever friend friends friendship family happy happiness
lucky luckyme money moneymaker million millionaire business company office manager boss master
qwerty qweasd qweqwe asdasd zxczxc asdqwe qazqaz wsxwsx qwertyu asdfg zxcvb poiuytrewq lkjhgfdsa
mnbvcxz iloveme iloveyou loveme lovers loveyou2 mylove mybaby mygirl myboy sexy sexygirl hotgirl
princesa principe amor amore carlos juan maria jose antonio cristina angelica gabriel rafael miguel
pedro luis sandra laura andrea natalia daniela veronica monica patricia alejandro roberto fernando
agus budi siti dewi sri ahmad muhammad putri putra ayu rizky rizki dian indah wahyu nur fitri rina
andi eko adi yudi joko bambang wati yanti ratna rudi hendra hendro tono toni tini ani ina lina
jakarta123 depok bogor bekasi tangerang malang solo palembang pekanbaru padang pontianak banjarmasin
balikpapan samarinda manado kupang ambon jayapura mataram denpasar aceh lampung jambi bengkulu
kalimantan sumatera sumatra jawa sulawesi papua borneo nusantara jayakarta majapahit sriwijaya
bukanpassword gantipassword katakunci kuncirahasia rahasiasaya rahasiadong sayangkamu akucintakamu
cintamu kasihku bundaku ibuku ayahku mamah papah mama papa bunda ayah ibu adik kakak abang
doraemon upin ipin
`;

const SUFFIXES = [
  '', '1', '12', '123', '1234', '12345', '123456', '1234567', '12345678', '123456789', '!', '!!', '1!', '123!',
  '@123', '#1', '01', '007', '11', '13', '21', '22', '23', '69', '77', '88', '99', '00', '000', '111', '321',
  '2000', '2001', '2002', '2003', '2004', '2005', '2010', '2015', '2016', '2017', '2018', '2019', '2020',
  '2021', '2022', '2023', '2024', '2025', '2026', '2027', '1990', '1991', '1992', '1993', '1994', '1995',
  '1996', '1997', '1998', '1999', '1980', '1985', '1987', '1988', '1989',
];
const PREFIXES = ['', '1', '123', 'my', 'i'];

/** Keyboard rows and alphabets; any 8 or more characters in a row of these, either way, are a guess. */
export const SEQUENCES = [
  '01234567890123456789',
  'abcdefghijklmnopqrstuvwxyz',
  'qwertyuiopasdfghjklzxcvbnm',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  'qwertzuiop',
  'azertyuiop',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
  'qazwsxedcrfvtgbyhnujmikolp',
  '!@#$%^&*()_+',
];

const listed = new Set(LIST.split(/\s+/).filter(Boolean));
const baseWords = new Set(BASE_WORDS.split(/\s+/).filter(Boolean));

/** Whether a password, already trimmed and in lower case, is on the list or a listed word with a usual prefix or suffix. */
export function isListedPassword(normalized: string): boolean {
  if (listed.has(normalized)) return true;
  for (const prefix of PREFIXES) {
    if (!normalized.startsWith(prefix)) continue;
    for (const suffix of SUFFIXES) {
      if (!normalized.endsWith(suffix) || prefix.length + suffix.length >= normalized.length) continue;
      const word = normalized.slice(prefix.length, normalized.length - suffix.length);
      if (baseWords.has(word)) return true;
      // the same word twice: passwordpassword, sayangsayang
      const half = word.length / 2;
      if (Number.isInteger(half) && word.slice(0, half) === word.slice(half) && baseWords.has(word.slice(0, half))) return true;
    }
  }
  return false;
}
