// Unit tests for reading unknown words as the risk words meant
// (word_reading.h), and for the view that reads them (MatchView::Reread).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "matching/set_lexicon.h"
#include "matching/word_reading.h"
#include "text/match_view.h"
#include "text/tokenizer.h"

namespace postcheck {
namespace {

// A small dictionary: what the reader may read words as, and the innocent
// words it must leave alone.
const SetLexicon& Dictionary() {
  static const SetLexicon lexicon({"I", "a", "i", "all", "be", "black", "cancer", "death", "Death", "disgust",
                                   "hate", "immigrants", "just", "kill", "killed", "me", "Muslims", "pathetic",
                                   "people", "should", "sick", "stab", "those", "to", "women", "you", "You",
                                   "make", "These", "These", "zoo", "belong", "in", "bill", "penis", "Penis",
                                   "tone", "hat", "eat", "the", "The", "hi", "is", "this", "This", "He", "he",
                                   "Jim", "Kill", "wet", "back", "coon", "coo", "stabber", "stabbed", "dearth", "lot", "trot", "in", "hearth", "would", "smash", "despise",
                                   "heat", "dead", "ice", "filth", "absolute", "fag", "git", "gas", "Nigerian", "Nigerians",
                                   "so", "So", "stupid", "good", "ox", "hot", "bin", "met", "today", "are", "they", "them",
                                   "hurt", "banana"});
  return lexicon;
}

// The test vocabulary's words, added to `reader`.
void Fill(WordReader& reader) {
  for (std::string_view w : {"kill", "death", "immigrants", "hate", "sick", "pathetic", "stab", "disgust",
                             "black", "cancer", "penis", "unknownword", "all", "Muslims", "wetback", "Nigerian", "stupid",
                             "hot", "hurt"}) {
    reader.AddPhrase(w);
  }
  reader.AddDisguised("coon");
  reader.AddPhrase("would", /*listed=*/false);
  reader.AddPhrase("I would smash");
  reader.AddPhrase("despise", /*listed=*/false);
  reader.AddPhrase("i despise");
  reader.AddListed("alot");
  reader.AddDisguised("stabber");
  reader.AddPhrase("stabbed dearth lot trot killed hearth");
  reader.AddDisguised("wetbacks");
  reader.AddPhrase("coon");
  // Named only by an unless condition ("a dead heat" is no death wish).
  reader.AddPhrase("dead heat", /*listed=*/true, /*exception=*/true);
  reader.AddPhrase("ice");  // "IC3" must not be read as it
  reader.AddPhrase("gas");  // nor "G4S" as this
  reader.AddDisguised("filth");
  reader.AddDisguised("fag");
  reader.AddPhrase("absolute", /*listed=*/false);
}

std::unique_ptr<WordReader> Reader() {
  auto reader = std::make_unique<WordReader>();
  Fill(*reader);
  reader->Finish(Dictionary());
  return reader;
}

// The view of `text` with its unknown words read.
std::string Read(std::string_view text, MatchView* view) {
  static const std::unique_ptr<WordReader> reader = Reader();
  view->Build(text);
  TokenizedText tokens;
  Tokenize(view->text(), &tokens);
  std::vector<ViewReading> readings;
  if (reader->Read(tokens, Dictionary(), &readings)) view->Reread(readings);
  return std::string(view->text());
}

std::string Read(std::string_view text) {
  MatchView view;
  return Read(text, &view);
}

// The original bytes under the view's first occurrence of `part`.
std::string OriginalOf(std::string_view text, std::string_view part) {
  MatchView view;
  const std::string read = Read(text, &view);
  const size_t at = read.find(part);
  REQUIRE(at != std::string::npos);
  uint32_t begin, end;
  view.ToOriginal(static_cast<uint32_t>(at), static_cast<uint32_t>(at + part.size()), &begin, &end);
  return std::string(text.substr(begin, end - begin));
}

TEST_CASE("the vocabulary keeps only words the dictionary knows") {
  const std::unique_ptr<WordReader> owned = Reader();
  const WordReader& reader = *owned;
  CHECK(reader.InVocabulary("kill"));
  CHECK(reader.InVocabulary("immigrants"));
  CHECK_FALSE(reader.InVocabulary("unknownword"));
  CHECK_FALSE(reader.InVocabulary("coon"));  // a strong term: left to the word index
  CHECK(reader.size() == 31);  // with "dead", "heat", "ice", "absolute", "gas", "stupid", "hot" and "hurt"
  CHECK(reader.ListedInVocabulary("kill"));
  CHECK_FALSE(reader.ListedInVocabulary("would"));
  CHECK(reader.InVocabulary("muslims"));  // known capitalised
}

TEST_CASE("a word one edit from exactly one vocabulary word is read as it") {
  CHECK(Read("I want to klil all of them") == "I want to kill all of them");  // swap
  CHECK(Read("Deaht to all") == "Death to all");                              // capital kept
  CHECK(Read("They should all be killd") == "They should all be killed");    // a letter missing
  CHECK(Read("immigrnts belong in a zoo") == "immigrants belong in a zoo");   // a letter missing
  CHECK(Read("just patgetic") == "just pathetic");                            // a letter replaced
  CHECK(Read("You make me sikc") == "You make me sick");                      // short: a swap
}

TEST_CASE("innocent near-misses stay as written") {
  // Known words, however close to a risk word: "bill", "hat", "eat".
  CHECK(Read("pay the bill") == "pay the bill");
  CHECK(Read("hat eat") == "hat eat");
  // Short words only by a swap: "sik" and "kil" are no "sick" or "kill".
  CHECK(Read("sik kil") == "sik kil");
  // Capitalised inside a sentence: a name.
  CHECK(Read("This is Klil and Deaht") == "This is Klil and Deaht");
  // Capitals, digits, handles, hashtags, links, masks, apostrophes.
  CHECK(Read("KLIL kl1l @klil #klil klil.com http://x.org/klil k*lil sikc's") ==
        "KLIL kl1l @klil #klil klil.com http://x.org/klil k*lil sikc's");
  // After an apostrophe (the end of a contraction), curly or straight; a
  // straight apostrophe three bytes before is no curly one.
  CHECK(Read("it\u2019klil and 'klil") == "it\u2019klil and 'klil");
  CHECK(Read("he 's klil") == "he 's kill");
  // One edit from two vocabulary words: neither.
  CHECK(Read("xearth") == "xearth");  // "dearth", "hearth"
  CHECK(Read("hatex") == "hatex");  // "hate" and an added letter: too short a word
  // One edit from a strong term as well: the word index's to match.
  CHECK(Read("a stabbex") == "a stabbex");  // "stabbed", but strong "stabber"
  CHECK(Read("a stabbedd") == "a stabbed");
}

TEST_CASE("a name written in lower case is no misspelling") {
  // "nigerians" is the dictionary's "Nigerians" in lower case, not
  // "nigerian" with a letter added.
  CHECK(Read("nigerians are") == "nigerians are");
  CHECK(Read("the nigerians") == "the nigerians");
}

TEST_CASE("a run-together word with a vocabulary word in it is read as two") {
  CHECK(Read("Ihate black people") == "I hate black people");
  CHECK(Read("justpathetic") == "just pathetic");
  CHECK(Read("stabthose women") == "stab those women");
  CHECK(Read("These Muslimsdisgust me") == "These Muslims disgust me");
  CHECK(Read("peopledisgust me") == "people disgust me");
  // Neither part a risk word, a name, a place.
  CHECK(Read("thezoo") == "thezoo");
  CHECK(Read("trotin") == "trotin");  // "in": too short a part
  CHECK(Read("Iwould") == "Iwould");  // "would" is only a pattern's word
  CHECK(Read("Idespise it") == "I despise it");  // so is "despise", but "i despise" is listed
  CHECK(Read("coontrot") == "coon trot");  // a strong term of four letters: read (the word index matches it too)
  CHECK(Read("He is from Penistone") == "He is from Penistone");
  CHECK(Read("He is Jimkill") == "He is Jimkill");
}

TEST_CASE("a two-letter word run on to a vocabulary word is read as two, only as the first part") {
  CHECK(Read("Women are sostupid") == "Women are so stupid");
  CHECK(Read("they are sopathetic") == "they are so pathetic");
  CHECK(Read("Sostupid, the lot of them") == "So stupid, the lot of them");
  CHECK(Read("I want tokill them") == "I want to kill them");
  // As the last part: "trot in", "kill em".
  CHECK(Read("trotin") == "trotin");
  CHECK(Read("stupidso") == "stupidso");
  // Before a word that is not a risk word, or too short to tell.
  CHECK(Read("sogood") == "sogood");
  CHECK(Read("tobin") == "tobin");
  CHECK(Read("sohot") == "sohot");
  // Not a function word that opens a phrase: "ax", "ox".
  CHECK(Read("oxstupid") == "oxstupid");
  // A name inside a sentence.
  CHECK(Read("He met Tokill today") == "He met Tokill today");
}

TEST_CASE("a word split by a space is read whole when one part is unknown") {
  CHECK(Read("Women are so stu pid") == "Women are so stupid");   // neither part known
  CHECK(Read("just pat hetic") == "just pathetic");               // the second part unknown
  CHECK(Read("imm igrants belong") == "immigrants belong");
  CHECK(Read("Stu pid, the lot of them") == "Stupid, the lot of them");  // a capital at the start
  // Two known words are two words, and a short part beside a known word is
  // not looked at.
  CHECK(Read("hat eat") == "hat eat");
  CHECK(Read("they were kill ed") == "they were kill ed");
  // Not a vocabulary word together, a strong term (the word index's), a
  // capital inside a sentence (a name), a handle, two spaces.
  CHECK(Read("stu dent") == "stu dent");
  CHECK(Read("a stab ber") == "a stab ber");
  CHECK(Read("Mr Stu Pid and Ms Pat Hetic") == "Mr Stu Pid and Ms Pat Hetic");
  // Inside a sentence, a capital opens a word known only capitalised.
  CHECK(Read("all the Mus lims") == "all the Muslims");
  CHECK(Read("all the Mus lims and mus lims") == "all the Muslims and muslims");
  CHECK(Read("@stu pid") == "@stu pid");
  // Split after two letters that are no word: "ki ll".
  CHECK(Read("ki ll them") == "kill them");
  CHECK(Read("Ki ll them") == "Kill them");
  CHECK(Read("st ab them") == "st ab them");  // "st" is a common short word (Street, Saint)
  CHECK(Read("pc stab") == "pc stab");        // no vocabulary word together
  CHECK(Read("stu  pid") == "stu  pid");
}

TEST_CASE("a word with a letter stretched for stress is read as the word it stretches") {
  CHECK(Read("just patheeeeetic") == "just pathetic");  // a run to one letter
  CHECK(Read("they are sooo stupid") == "they are so stupid");  // a word the dictionary knows
  CHECK(Read("Sooo stupiddd") == "So stupid");
  CHECK(Read("killlll them") == "kill them");  // a run to two letters, a vocabulary word first
  CHECK(Read("I hateee them") == "I hate them");
  // Nothing known under it, a strong term (the word index's), capitals.
  CHECK(Read("zzzz brrrr") == "zzzz brrrr");
  CHECK(Read("a cooon") == "a cooon");
  CHECK(Read("SOOO STUPID") == "SOOO STUPID");
}

TEST_CASE("a word with a letter or two masked is read as the one vocabulary word it may hide") {
  CHECK(Read("just path*tic") == "just pathetic");
  CHECK(Read("just path**ic") == "just pathetic");
  CHECK(Read("P*thetic, all of them") == "Pathetic, all of them");
  CHECK(Read("immigr*nts belong") == "immigrants belong");
  CHECK(Read("st*b them") == "stab them");
  // Two vocabulary words it may hide: "heat" and "hurt".
  CHECK(Read("h**t") == "h**t");
  // A strong term it may hide is the word index's; so are three stars,
  // a mask at an end, more than one mask, a handle, capitals after the first.
  CHECK(Read("c**n") == "c**n");
  CHECK(Read("p***etic") == "p***etic");
  CHECK(Read("pathetic* *athetic") == "pathetic* *athetic");
  CHECK(Read("p*th*tic") == "p*th*tic");
  CHECK(Read("@path*tic") == "@path*tic");
  CHECK(Read("PATH*TIC") == "PATH*TIC");
  // A capital inside a sentence opens a name, unless the word is known only
  // capitalised.
  CHECK(Read("so P*thetic") == "so P*thetic");
  CHECK(Read("all the Musl*ms") == "all the Muslims");
  // No vocabulary word under it.
  CHECK(Read("b*nana") == "b*nana");
}

TEST_CASE("letters written apart by a dot, hyphen or underscore are read as the word they make") {
  CHECK(Read("just p.a.t.h.e.t.i.c") == "just pathetic");
  CHECK(Read("just p-a-t-h-e-t-i-c.") == "just pathetic.");
  CHECK(Read("P_a_t_h_e_t_i_c, all of them") == "Pathetic, all of them");
  CHECK(Read("k.i.l.l them") == "kill them");
  // Capitals are initials; three letters or fewer, or a word that is no
  // vocabulary word, are left; so is a strong term (the word index's), a
  // mix of separators, and a run that goes on with more than a letter.
  CHECK(Read("P.A.T.H.E.T.I.C") == "P.A.T.H.E.T.I.C");
  CHECK(Read("R.I.P. and e.g.") == "R.I.P. and e.g.");
  CHECK(Read("s.i.c.k of them") == "sick of them");
  CHECK(Read("h.a.t.e") == "hate");
  CHECK(Read("b.a.c.k") == "b.a.c.k");
  CHECK(Read("c.o.o.n") == "c.o.o.n");
  CHECK(Read("p.a.t.h-e.t.i.c") == "p.a.t.h-e.t.i.c");
  CHECK(Read("k.i.l.l.er") == "k.i.l.l.er");
}

TEST_CASE("a listed word the dictionary does not know is read as itself") {
  // "wetback" would split into "wet back", "wetbacks" too.
  CHECK(Read("just a wetback") == "just a wetback");
  CHECK(Read("Wetbacks and wetbacks") == "Wetbacks and wetbacks");
  // Nor one of another rule's list ("alot" is a common misspelling).
  CHECK(Read("alot") == "alot");
}

TEST_CASE("a misspelling between a sought word and an exception's word is read as the sought one") {
  // "haet" is one swap from "hate" (sought) and from "heat" (only in an
  // unless condition's "dead heat").
  CHECK(Read("I haet them") == "I hate them");
  // Spelt right, the exception's word is left as it is.
  CHECK(Read("a dead heat") == "a dead heat");
}

TEST_CASE("digits standing for letters are read as the word they spell") {
  CHECK(Read("I h4te them") == "I hate them");
  CHECK(Read("I h8 them") == "I hate them");
  CHECK(Read("k1ll them") == "kill them");
  CHECK(Read("S1ck of them") == "Sick of them");
  // Capitals with digits are codes, and a word must begin with a letter.
  CHECK(Read("S1CK of them") == "S1CK of them");
  CHECK(Read("G4S staff on the 2nd at 10am") == "G4S staff on the 2nd at 10am");
  // Digits that spell no vocabulary word, a handle.
  CHECK(Read("junction 4 of the M6 at 10am") == "junction 4 of the M6 at 10am");
  CHECK(Read("@h4te and #k1ll") == "@h4te and #k1ll");
  // A strong term too, so that the words around it read on ("porch m0nkey").
  CHECK(Read("a c00n") == "a coon");
  // Letters and then digits are a code, not a word: "IC3" is no "ICE".
  CHECK(Read("two IC3 males, the A6 and the M62") == "two IC3 males, the A6 and the M62");
  // Capitals with digits of six characters or more may be a word shouted,
  // read as a vocabulary word only, never a strong term.
  CHECK(Read("so P4THET1C") == "so Pathetic");  // read with its first capital, as a name is
  CHECK(Read("a STABB3R") == "a STABB3R");
}

TEST_CASE("a strong term run together with a word is read when it is long enough") {
  CHECK(Read("you are absolutefilth") == "you are absolute filth");
  // Three letters are too few to tell: "faggit" is a misspelt slur, not "fag git".
  CHECK(Read("you faggit") == "you faggit");
  // After "a", "I" or a short word that opens a phrase: "to coon". ("acoon"
  // is one letter from the strong term: the word index's to match.)
  CHECK(Read("tocoon") == "to coon");
  CHECK(Read("incoon") == "in coon");
  CHECK(Read("you are acoon") == "you are acoon");
}

TEST_CASE("a capitalised misspelling inside a sentence is read only as a word known only capitalised") {
  CHECK(Read("nothing worse than the Muslms") == "nothing worse than the Muslims");
  CHECK(Read("He is Jimm") == "He is Jimm");  // a name: nothing known only capitalised is one edit away
  CHECK(Read("the Kilp report") == "the Kilp report");  // "kill" is known in lower case
}

TEST_CASE("letters spelt out with spaces are read as their word") {
  CHECK(Read("I h a t e Muslims") == "I hate Muslims");
  CHECK(Read("You b l a c k people make me sick") == "You black people make me sick");
  CHECK(Read("a c a n c e r") == "a cancer");
  CHECK(Read("H A T E") == "HATE");
  // Letters that make no word, and too few letters.
  CHECK(Read("x y z q") == "x y z q");
  CHECK(Read("a b") == "a b");
  // A strong term's letters: the word index matches them as a disguise.
  CHECK(Read("Typical c o o n behaviour") == "Typical c o o n behaviour");
  CHECK(Read("c o o n") == "c o o n");  // nor "coo n"
  CHECK(Read("a c o o n") == "a coon");   // but with a word's letter run on, read
  CHECK(Read("a w e t b a c k s") == "a wetbacks");
  // Letters that only look alone to the tokeniser: the "s" of "It's", the
  // "c" of a masked "c***" ("s a c" is no word here).
  CHECK(Read("It's a c***") == "It's a c***");
  CHECK(Read("x s a c*** and more") == "x s a c*** and more");
  CHECK(Read("I h a t e. Them") == "I hate. Them");
}

TEST_CASE("the read view points at the bytes as written") {
  CHECK(OriginalOf("I want to klil them", "kill") == "klil");
  CHECK(OriginalOf("They should be killd now", "killed") == "killd");
  CHECK(OriginalOf("Ihate them", "hate") == "hate");
  CHECK(OriginalOf("Ihate them", "I hate") == "Ihate");
  CHECK(OriginalOf("I h a t e them", "hate") == "h a t e");
  CHECK(OriginalOf("I h a t e them", "them") == "them");
  CHECK(OriginalOf("so\nklil them", "kill them") == "klil them");  // on top of a wrapped line
  MatchView view;
  Read("Ihate stabthose sikc ones", &view);
  REQUIRE(view.read_words().size() == 3);
  uint32_t begin, end;
  view.ToOriginal(view.read_words()[1].first, view.read_words()[1].second, &begin, &end);
  CHECK(begin == 6);
  CHECK(end == 15);
}

TEST_CASE("a long run of letters is no word to read") {
  const std::string text(1 << 20, 'a');
  CHECK(Read(text) == text);
}

TEST_CASE("a draft of known words is its own view") {
  MatchView view;
  const std::string text = "You make me sick";
  CHECK(Read(text, &view) == text);
  CHECK_FALSE(view.changed());
  CHECK(view.read_words().empty());
}

TEST_CASE("a reader left to fill itself does so at the first word to read") {
  int fills = 0;
  WordReader reader;
  reader.SetFill([&](WordReader* r) {
    ++fills;
    Fill(*r);
  });
  TokenizedText tokens;
  std::vector<ViewReading> readings;
  Tokenize("You make me sick", &tokens);
  CHECK_FALSE(reader.Read(tokens, Dictionary(), &readings));
  CHECK(fills == 0);  // every word known: nothing collected
  Tokenize("You make me sikc and klil", &tokens);
  REQUIRE(reader.Read(tokens, Dictionary(), &readings));
  CHECK(fills == 1);
  REQUIRE(readings.size() == 2);
  CHECK(readings[0].text == "sick");
  CHECK(readings[1].text == "kill");
  Tokenize("I h a t e", &tokens);
  CHECK(reader.Read(tokens, Dictionary(), &readings));
  CHECK(fills == 1);
}

TEST_CASE("words of patterns") {
  std::vector<std::string> words;
  ForEachPatternWord(R"((?i)\b(?P<match>kill|stab(?:bed)?)\s+\p{Lu}[a-z]+ white\ trash [^abc] \bass)",
                     [&](std::string_view w) { words.emplace_back(w); });
  CHECK(words == std::vector<std::string>{"kill", "stab", "bed", "white", "trash", "ass"});
}

}  // namespace
}  // namespace postcheck
