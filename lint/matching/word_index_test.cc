// Unit tests for the hashed word and phrase index (word_index.h).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "matching/set_lexicon.h"
#include "matching/word_index.h"
#include "matching/word_index_test_util.h"
#include "text/tokenizer.h"

namespace postcheck {
namespace {

TEST_CASE("Add refuses phrases with no word") {
  WordIndex index;
  CHECK_FALSE(index.Add("", false, 1));
  CHECK_FALSE(index.Add("!!! --- ...", false, 1));
  CHECK(index.size() == 0);
  CHECK(index.Add("ok", false, 1));
  CHECK(index.size() == 1);
}

TEST_CASE("DoneAdding frees the adding tables and matches as before") {
  WordIndex index;
  CHECK(index.Add("asian men", false, 1));
  CHECK(index.Add("asian", false, 2));
  CHECK(index.Add("asian", false, 3));  // a second owner of the same phrase
  CHECK(index.Add("bitch", WordOptions{false, true, true}, 4));
  const std::string text = "Asian men and asian women, the bitches, b*tch";
  const std::string before = Hits(index, text);
  index.DoneAdding();
  CHECK(Hits(index, text) == before);
  CHECK(before == "2:'Asian'@0 | 3:'Asian'@0 | 1:'Asian men'@0 | 2:'asian'@14 | 3:'asian'@14 | 4:'bitches'@31 | 4:'b*tch'@40");
}

TEST_CASE("an empty index matches nothing") {
  WordIndex index;
  CHECK(Hits(index, "anything at all") == "");
}

TEST_CASE("single words: whole-word and case-insensitive") {
  WordIndex index;
  index.Add("ass", false, 7);
  index.Add("cunt", false, 8);
  CHECK(Hits(index, "class assess Scunthorpe passage") == "");
  CHECK(Hits(index, "You ASS, you Ass.") == "7:'ASS'@4 | 7:'Ass'@13");
  CHECK(Hits(index, "the ass's") == "7:'ass'@4");
}

TEST_CASE("multi-word phrases") {
  WordIndex index;
  index.Add("Bang to rights", false, 1);
  index.Add("bang", false, 2);
  CHECK(Hits(index, "Got him bang to rights.") == "2:'bang'@8 | 1:'bang to rights'@8");
  CHECK(Hits(index, "BANG  TO\tRIGHTS") == "2:'BANG'@0 | 1:'BANG  TO\tRIGHTS'@0");
  CHECK(Hits(index, "bang-to-rights") == "2:'bang'@0 | 1:'bang-to-rights'@0");
  // Clause punctuation and line breaks split a phrase.
  CHECK(Hits(index, "bang, to rights") == "2:'bang'@0");
  CHECK(Hits(index, "bang to\nrights") == "2:'bang'@0");
  CHECK(Hits(index, "bang to") == "2:'bang'@0");
  // A dash set apart by spaces breaks a clause; a hyphen alone joins.
  CHECK(Hits(index, "bang \xE2\x80\x93 to rights") == "2:'bang'@0");
  CHECK(Hits(index, "bang\xE2\x80\x94to rights") == "2:'bang'@0");
  CHECK(Hits(index, "bang - to rights") == "2:'bang'@0");
  CHECK(Hits(index, "bang -to rights") == "2:'bang'@0");
}

TEST_CASE("punctuation written in a phrase may be in the text there, or not") {
  WordIndex index;
  index.Add("shock, horror", false, 1);
  index.Add("not saying anything, just saying", false, 2);
  CHECK(Hits(index, "Shock, horror: he was arrested") == "1:'Shock, horror'@0");
  CHECK(Hits(index, "shock horror") == "1:'shock horror'@0");
  CHECK(Hits(index, "shock... horror") == "1:'shock... horror'@0");
  CHECK(Hits(index, "Not saying anything, just saying") == "2:'Not saying anything, just saying'@0");
  CHECK(Hits(index, "not saying anything just saying") == "2:'not saying anything just saying'@0");
  // only where the phrase has it: "not, saying" still splits the phrase
  CHECK(Hits(index, "not, saying anything, just saying") == "");
  CHECK(Hits(index, "shock, and horror") == "");
  // the same words written without the comma: one entry, and the comma's
  // leniency stays (the phrases are alternatives)
  WordIndex both;
  both.Add("sorry not sorry", false, 3);
  both.Add("sorry, not sorry", false, 4);
  CHECK(Hits(both, "sorry, not sorry") == "3:'sorry, not sorry'@0 | 4:'sorry, not sorry'@0");
  WordIndex plain;
  plain.Add("sorry not sorry", false, 5);
  CHECK(Hits(plain, "sorry, not sorry") == "");
}

TEST_CASE("match_case") {
  WordIndex index;
  index.Add("MOP", true, 3);
  index.Add("Bang To", true, 4);
  CHECK(Hits(index, "a MOP and a mop and a Mop") == "3:'MOP'@2");
  CHECK(Hits(index, "M0P M*P MOOOP \xEF\xBC\xAD\xEF\xBC\xAF\xEF\xBC\xB0") == "");  // no evasion forms
  CHECK(Hits(index, "Bang To and bang to and Bang to") == "4:'Bang To'@0");
}

// Profanity and slurs: every form and disguise.
constexpr WordOptions kDisguised{false, true, true};

TEST_CASE("evasion forms of single words") {
  WordIndex index;
  index.Add("fuck", kDisguised, 1);
  index.Add("fucking", kDisguised, 2);
  index.Add("shit", kDisguised, 3);
  index.Add("scum", kDisguised, 4);
  index.Add("arse", kDisguised, 5);
  index.Add("stuffed", false, 6);
  struct Case {
    std::string text;
    std::string expected;
  };
  const Case cases[] = {
      {"oh f*ck off", "1:'f*ck'@3"},
      {"oh F*CK off", "1:'F*CK'@3"},
      {"oh f***ing hell", "2:'f***ing'@3"},
      {"oh f#ck off", "1:'f#ck'@3"},
      {"oh sh.t.", "3:'sh.t'@3"},
      {"oh sh1t", "3:'sh1t'@3"},
      {"oh $cum bag", "4:'$cum'@3"},
      {"oh @rse", "5:'@rse'@3"},
      {"oh shiiiit", "3:'shiiiit'@3"},
      {"oh SHIIIIIIT!", "3:'SHIIIIIIT'@3"},
      {"oh sh\xE2\x80\x8Bit", "3:'sh\xE2\x80\x8Bit'@3"},
      {"oh sh\xC2\xAD" "it", "3:'sh\xC2\xAD" "it'@3"},
      {"oh \xEF\xBD\x93\xEF\xBD\x88\xEF\xBD\x89\xEF\xBD\x94", "3:'\xEF\xBD\x93\xEF\xBD\x88\xEF\xBD\x89\xEF\xBD\x94'@3"},
      {"oh \xD1\x95h\xD1\x96t", "3:'\xD1\x95h\xD1\x96t'@3"},
      {"oh stu\xEF\xAC\x80" "ed", "6:'stu\xEF\xAC\x80" "ed'@3"},
      {"oh \xE2\x93\x95\xE2\x93\xA4\xE2\x93\x92\xE2\x93\x9A", "1:'\xE2\x93\x95\xE2\x93\xA4\xE2\x93\x92\xE2\x93\x9A'@3"},  // circled
      {"oh \xF0\x9F\x85\xB5\xF0\x9F\x86\x84\xF0\x9F\x85\xB2\xF0\x9F\x85\xBA", "1:'\xF0\x9F\x85\xB5\xF0\x9F\x86\x84\xF0\x9F\x85\xB2\xF0\x9F\x85\xBA'@3"},  // negative squared
      {"oh \xEA\x9C\xB0\xE1\xB4\x9C\xE1\xB4\x84\xE1\xB4\x8B", "1:'\xEA\x9C\xB0\xE1\xB4\x9C\xE1\xB4\x84\xE1\xB4\x8B'@3"},  // small capitals
      {"oh f\xD5\xBD" "ck", "1:'f\xD5\xBD" "ck'@3"},  // Armenian u
      {"oh \xE1\x8F\x9A\xE1\x8F\x82\xE1\x8E\xA5\xE1\x8E\xA2", "3:'\xE1\x8F\x9A\xE1\x8F\x82\xE1\x8E\xA5\xE1\x8E\xA2'@3"},  // Cherokee
      {"oh \xF0\x9F\x87\xAB\xF0\x9F\x87\xBA\xF0\x9F\x87\xA8\xF0\x9F\x87\xB0", "1:'\xF0\x9F\x87\xAB\xF0\x9F\x87\xBA\xF0\x9F\x87\xA8\xF0\x9F\x87\xB0'@3"},  // regional indicators
  };
  for (const Case& c : cases) {
    INFO("text: ", c.text);
    CHECK(Hits(index, c.text) == c.expected);
  }
}

TEST_CASE("evasion look-alikes that are not the word") {
  WordIndex index;
  index.Add("fuck", kDisguised, 1);
  index.Add("shit", kDisguised, 3);
  // Masks must line up letter for letter; leetspeak must map every symbol;
  // an e-mail address or a run starting with a mask is not a word.
  CHECK(Hits(index, "f*k f**kk sh.tt s.hit *uck sh1tt sh1t@example.com #uck") == "");
  CHECK(Hits(index, "shi") == "");
  // Capitals then digits are a road or a code ("A55", "M62"), not leetspeak;
  // in lower case the same run is read ("a55").
  index.Add("ass", kDisguised, 5);
  CHECK(Hits(index, "Closure on the A55 and the M62 tonight") == "");
  CHECK(Hits(index, "what an a55") == "5:'a55'@8");
}

TEST_CASE("masks match only the lists that ask for disguises") {
  WordIndex index;
  index.Add("snps", false, 1);   // a party, say
  index.Add("cops", false, 2);   // an informant list, say
  index.Add("shit", kDisguised, 3);
  index.Add("cunt", kDisguised, 4);
  CHECK(Hits(index, "What a load of s***") == "3:'s***'@15");
  CHECK(Hits(index, "He's a c***") == "4:'c***'@7");
  // Leetspeak is no mask: every list still sees it.
  CHECK(Hits(index, "the c0ps") == "2:'c0ps'@4");
}

TEST_CASE("word forms: a listed word matches its inflections") {
  WordIndex index;
  index.Add("bitch", false, 1);
  index.Add("fuck", false, 2);
  index.Add("rape", false, 3);
  index.Add("ass", false, 4);
  index.Add("cock", false, 5);
  index.Add("cunt", false, 6);
  CHECK(Hits(index, "bitches Bitching") == "1:'bitches'@0 | 1:'Bitching'@8");
  CHECK(Hits(index, "fucking fucked") == "2:'fucking'@0 | 2:'fucked'@8");
  CHECK(Hits(index, "he was raped") == "3:'raped'@7");
  CHECK(Hits(index, "cunts") == "6:'cunts'@0");
  // Whole words only, and other words that merely start the same stay clean.
  CHECK(Hits(index, "Scunthorpe Penistone Cockermouth cocktail grape therapist assassinate class assess") == "");
}

TEST_CASE("word forms: only longer words, and not words of their own") {
  WordIndex index;
  index.Add("grassed", false, 1);
  index.Add("crappy", false, 2);
  index.Add("fuck", false, 3);
  CHECK(Hits(index, "cut the grass") == "");  // shorter than the word listed
  index.Add("groomed", false, 4);
  CHECK(Hits(index, "the dangers of grooming") == "");  // a listed form has no forms of its own
  CHECK(Hits(index, "crappie fishing") == "2:'crappie'@0");  // no dictionary to ask
  const SetLexicon lexicon({"crappie", "fucking"}, {"fucking"});
  CHECK(Hits(index, "crappie fishing", &lexicon) == "");       // a word of its own
  CHECK(Hits(index, "fucking hell", &lexicon) == "3:'fucking'@0");  // known, but as a form of "fuck"
}

TEST_CASE("word forms: a phrase ends in a form of its last word") {
  WordIndex index;
  index.Add("half breed", kDisguised, 1);
  index.Add("jungle bunny", kDisguised, 2);
  index.Add("brain cell", false, 3);  // not a strong term: the form listed only
  CHECK(Hits(index, "those half breeds, jungle bunnies") == "1:'half breeds'@6 | 2:'jungle bunnies'@19");
  CHECK(Hits(index, "brain cells") == "");
  // Only the last word: "halves breed" is not the phrase, nor is a shorter word.
  CHECK(Hits(index, "halves breed, half bre") == "");
}

TEST_CASE("word forms can be turned off for an entry") {
  WordIndex index;
  index.Add("apprehend", WordOptions{false, false, false}, 1);  // a swap: its replacement fits only this form
  index.Add("apprehend", false, 2);
  CHECK(Hits(index, "apprehended") == "2:'apprehended'@0");
  CHECK(Hits(index, "apprehend") == "1:'apprehend'@0 | 2:'apprehend'@0");
}

TEST_CASE("letters spelt out one by one") {
  WordIndex index;
  index.Add("fuck", false, 1);
  index.Add("cunt", false, 2);
  index.Add("rape", false, 3);
  CHECK(Hits(index, "oh f u c k off") == "1:'f u c k'@3");
  CHECK(Hits(index, "f-u-c-k") == "1:'f-u-c-k'@0");
  CHECK(Hits(index, "f_u_c_k") == "1:'f_u_c_k'@0");
  CHECK(Hits(index, "a c.u.n.t") == "2:'c.u.n.t'@2");
  CHECK(Hits(index, "she was r a p e d") == "3:'r a p e d'@8");
  // A run of other letters before, by another separator, ends where the
  // word starts: "s a c" and "c.u.n.t".
  CHECK(Hits(index, "she's a c.u.n.t") == "2:'c.u.n.t'@8");
  // Mixed separators, wide gaps and too few letters are not one word.
  CHECK(Hits(index, "f u-c k") == "");
  CHECK(Hits(index, "f  u  c  k") == "");
  CHECK(Hits(index, "I a m A B C") == "");
}

TEST_CASE("a disguised word hyphenated in pieces") {
  WordIndex index;
  index.Add("raghead", kDisguised, 1);
  index.Add("motherfucker", kDisguised, 2);
  index.Add("cocktail", false, 3);  // not disguised: its pieces stay pieces
  CHECK(Hits(index, "the rag-head") == "1:'rag-head'@4");
  CHECK(Hits(index, "a mother-fuck-er") == "2:'mother-fuck-er'@2");
  CHECK(Hits(index, "a cock-tail") == "");
  // Spaces, a longer run, a handle and one-letter pieces are not one word.
  CHECK(Hits(index, "rag head") == "");
  CHECK(Hits(index, "old-rag-head-cloth") == "");
  CHECK(Hits(index, "@rag-head") == "");
}

TEST_CASE("a disguised word written as its first letter, a hyphen and its end") {
  WordIndex index;
  index.Add("fuckwit", kDisguised, 1);
  index.Add("shithead", kDisguised, 2);
  index.Add("twit", false, 3);  // not disguised: no such reading
  CHECK(Hits(index, "ya f-wit!") == "1:'f-wit'@3");
  CHECK(Hits(index, "S-head, the lot of them") == "2:'S-head'@0");
  // Too short an end, or too few letters left out, or no entry ending so.
  CHECK(Hits(index, "f-it") == "");
  CHECK(Hits(index, "f-ckwit") == "");
  CHECK(Hits(index, "t-wit") == "");
  CHECK(Hits(index, "an e-scooter and a t-shirt") == "");
  // A piece of a longer run, a handle, letters glued on.
  CHECK(Hits(index, "x-f-wit") == "");
  CHECK(Hits(index, "f-wit-ness") == "");
  CHECK(Hits(index, "@f-wit") == "");
  CHECK(Hits(index, "f-witness") == "");
}

const SetLexicon kLexicon({"the", "police", "out", "black", "lives", "matter", "face", "hole", "bag",
                           "idiot", "fucking", "mother", "cocktail", "tail", "Penistone", "tone", "penis",
                           "ditch", "Fick", "shitbag", "hat"},
                          {"fucking"});

TEST_CASE("CamelCase and hashtags are split into their words") {
  WordIndex index;
  index.Add("tories", false, 1);
  index.Add("black lives matter", false, 2);
  index.Add("fuck", kDisguised, 3);
  CHECK(Hits(index, "#ToriesOut") == "1:'Tories'@1");
  // Handles and links are not split: an account's name is not the post's words.
  CHECK(Hits(index, "@ToriesOut example.com/ToriesOut?v=ToriesOut") == "");
  CHECK(Hits(index, "#BlackLivesMatter") == "2:'BlackLivesMatter'@1");
  // Lower-case hashtags need the dictionary to find their words.
  CHECK(Hits(index, "#toriesout #fuckthepolice") == "");
  CHECK(Hits(index, "#toriesout #fuckthepolice", &kLexicon) == "1:'tories'@1 | 3:'fuck'@12");
  CHECK(Hits(index, "#blacklivesmatter", &kLexicon) == "2:'blacklivesmatter'@1");
}

TEST_CASE("compounds of a disguised word that the dictionary does not know") {
  WordIndex index;
  index.Add("fuck", kDisguised, 1);
  index.Add("cock", kDisguised, 2);
  index.Add("penis", kDisguised, 3);
  index.Add("shit", kDisguised, 4);
  index.Add("idiot", false, 5);
  index.Add("hole", false, 6);
  CHECK(Hits(index, "you fuckface", &kLexicon) == "1:'fuck'@4");
  CHECK(Hits(index, "fuckingidiot", &kLexicon) == "1:'fucking'@0");
  // The parts of a compound match only the lists that ask for disguises:
  // "hole" is no hit in "shithole", "shit" is.
  CHECK(Hits(index, "a shithole", &kLexicon) == "4:'shit'@2");
  // Words the dictionary knows are never split.
  CHECK(Hits(index, "a cocktail in penistone or Penistone", &kLexicon) == "");
  CHECK(Hits(index, "a shitbag", &kLexicon) == "");  // known: a list must name it
  // A name cut into scraps around a disguised word is no compound: more
  // than three parts, or a part of one letter ("Fukushima": fuk, us, him, a).
  index.Add("fuk", kDisguised, 7);
  const SetLexicon scraps({"us", "him", "a", "face"}, {});
  CHECK(Hits(index, "Fukushima", &scraps) == "");
  // A piece of a masked word is no compound: "s*spicion" is no "spic" and
  // "ion".
  index.Add("spic", kDisguised, 8);
  const SetLexicon ion({"ion"}, {});
  CHECK(Hits(index, "spicion", &ion) == "8:'spic'@0");
  CHECK(Hits(index, "s*spicion s*spicion*", &ion) == "");
  // A long disguised word with up to four letters run on after it, or three
  // before, in a word not capitalised: "bitchlol", "abitch", "lilbitch"; not
  // a word the dictionary knows, a capitalised one, one with more letters
  // run on, or a handle.
  index.Add("bitch", kDisguised, 9);
  const SetLexicon bitchy({"bitchy"}, {});
  CHECK(Hits(index, "abitch bitchlol lilbitch", &bitchy) == "9:'bitch'@1 | 9:'bitch'@7 | 9:'bitch'@19");
  CHECK(Hits(index, "bitchy Abitch bitchpooted @semper_fiibitch", &bitchy) == "");
  CHECK(Hits(index, "fukface", &scraps) == "7:'fuk'@0");
  // A disguised word of four letters or more with a word of one or two
  // letters run on before it: "acunt", "yocunt"; not after it ("cunta"), not
  // a shorter word ("afuk"), not a word the dictionary knows ("ascunt"
  // here), not capitalised, not a word of two letters that is no word
  // ("xcunt").
  index.Add("cunt", kDisguised, 10);
  const SetLexicon known({"ascunt"}, {});
  CHECK(Hits(index, "your acunt", &known) == "10:'cunt'@6");
  CHECK(Hits(index, "yocunt", &known) == "10:'cunt'@2");
  CHECK(Hits(index, "cunta afuk ascunt Acunt xcunt", &known) == "");
}

TEST_CASE("a disguised phrase with one word misspelt") {
  WordIndex index;
  index.Add("white trash", kDisguised, 1);
  index.Add("waste of space", kDisguised, 2);
  index.Add("black hole", WordOptions{}, 3);  // not disguised: as listed only
  const SetLexicon words({"write", "the", "space"}, {});
  // One word of five letters or more one edit off (for a word of five, a
  // letter left out or two swapped), the others as listed.
  CHECK(Hits(index, "you whte trash", &words) == "1:'whte trash'@4");
  CHECK(Hits(index, "white trsah", &words) == "1:'white trsah'@0");
  CHECK(Hits(index, "a waste of spcae", &words) == "2:'waste of spcae'@2");
  // Not a word the dictionary knows, a changed letter in a word of five, a
  // phrase broken by punctuation or with another word misspelt too, a
  // capitalised word inside a sentence, a word of under five letters, or a
  // phrase that is not disguised.
  CHECK(Hits(index, "write trash", &words) == "");
  CHECK(Hits(index, "whate trash", &words) == "");
  CHECK(Hits(index, "whte. trash", &words) == "");
  CHECK(Hits(index, "whte trsah", &words) == "");
  CHECK(Hits(index, "the Whte trash", &words) == "");
  CHECK(Hits(index, "waste fo space", &words) == "");
  CHECK(Hits(index, "a balck hole", &words) == "");
  // A word in two pieces: one space apart, where the dictionary does not
  // know both ("whi te"), or one letter masked between them ("wh*te").
  CHECK(Hits(index, "you whi te trash", &words) == "1:'whi te trash'@4");
  CHECK(Hits(index, "wh*te trash", &words) == "1:'wh*te trash'@0");
  CHECK(Hits(index, "a waste of sp*ce", &words) == "2:'waste of sp*ce'@2");
  const SetLexicon pieces({"whi", "te"}, {});
  CHECK(Hits(index, "whi te trash", &pieces) == "");
  // Not two letters masked, not a piece that is capitalised inside a
  // sentence, not a phrase broken by punctuation.
  CHECK(Hits(index, "w**te trash", &words) == "");
  CHECK(Hits(index, "the Whi te trash", &words) == "");
  CHECK(Hits(index, "wh*te. trash", &words) == "");
}

TEST_CASE("a disguised word broken in two by a space") {
  WordIndex index;
  index.Add("bitch", kDisguised, 1);
  index.Add("fuck", kDisguised, 2);
  index.Add("faggot", kDisguised, 3);
  index.Add("hat", false, 4);  // not disguised: never joined
  const SetLexicon words({"bit", "as", "set", "hit", "what", "he", "got", "fag", "it", "itch"}, {});
  // A piece the dictionary does not know, and the two make a disguised word
  // or a form of one.
  CHECK(Hits(index, "a bit ch", &words) == "1:'bit ch'@2");
  CHECK(Hits(index, "fu ck off", &words) == "2:'fu ck'@0");
  CHECK(Hits(index, "you fa ggots", &words) == "3:'fa ggots'@4");
  CHECK(Hits(index, "bit ches", &words) == "1:'bit ches'@0");
  // Two words are two words; a lone "a" or "i" is a word.
  CHECK(Hits(index, "a bitch", &words) == "1:'bitch'@2");
  CHECK(Hits(index, "as set it", &words) == "");
  // The end of a contraction is no piece: "what's hit" is no "shit".
  index.Add("shit", kDisguised, 5);
  CHECK(Hits(index, "what's hit them", &words) == "");
  CHECK(Hits(index, "what\u2019s hit them", &words) == "");
  CHECK(Hits(index, "sh it", &words) == "5:'sh it'@0");
  // A piece that is itself a disguised word is found as itself: "bitch y"
  // is no "bitchy", "fuck er" no "fucker".
  index.Add("bitchy", kDisguised, 6);
  index.Add("fucker", kDisguised, 7);
  CHECK(Hits(index, "bitch y u", &words) == "1:'bitch'@0");
  CHECK(Hits(index, "fuck er", &words) == "2:'fuck'@0");
  // Not joined: a word of a list that is not disguised, a handle, a piece with
  // a digit or other letters, more than one space, no dictionary.
  CHECK(Hits(index, "h at", &words) == "");
  CHECK(Hits(index, "@bit ch", &words) == "");
  CHECK(Hits(index, "bit ch2 bit  ch", &words) == "");
  CHECK(Hits(index, "a bit ch") == "");
}

TEST_CASE("misspellings of disguised words the dictionary does not know") {
  WordIndex index;
  index.Add("fuck", kDisguised, 1);
  index.Add("bitch", kDisguised, 2);
  index.Add("dick", false, 3);
  CHECK(Hits(index, "oh fcuk", &kLexicon) == "1:'fcuk'@3");
  CHECK(Hits(index, "Fcuk that", &kLexicon) == "1:'Fcuk'@0");
  CHECK(Hits(index, "a bich and a bicth", &kLexicon) == "2:'bich'@2 | 2:'bicth'@13");
  index.Add("squaw", kDisguised, 4);
  index.Add("motherfucker", kDisguised, 5);
  CHECK(Hits(index, "a squak and a biitch", &kLexicon) == "");  // short words: no letter changed or added
  CHECK(Hits(index, "muthafucker motherfuckker", &kLexicon) == "5:'motherfuckker'@12");
  // Four-letter words only with two letters swapped; known words, names and
  // lists that do not ask never.
  CHECK(Hits(index, "fack fuk ditch dikc", &kLexicon) == "");
  CHECK(Hits(index, "Hello Fcuk and Fick", &kLexicon) == "");
  CHECK(Hits(index, "fcuk") == "");  // no dictionary, no misspellings
  // A piece of a masked word is no word of its own: "ckers" of "st*ckers"
  // is no misspelt "fckers".
  index.Add("fckers", kDisguised, 8);
  CHECK(Hits(index, "ckers", &kLexicon) == "8:'ckers'@0");
  CHECK(Hits(index, "football st*ckers", &kLexicon) == "");
  // A word the dictionary knows only capitalised (a people, a place): in
  // lower case before the word it qualifies it is that name ("boer
  // families"); on its own it stays a misspelling ("you boer").
  index.Add("boner", kDisguised, 6);
  const SetLexicon names({"families", "you", "Boer"});
  CHECK(Hits(index, "boer families", &names) == "");
  CHECK(Hits(index, "you boer", &names) == "6:'boer'@4");
  // A dropped g of a word the dictionary knows is that word ("missin'" is
  // missing, not a misspelt "pissin"); an unknown -ing form is no excuse.
  index.Add("pissin", kDisguised, 7);
  const SetLexicon ing({"missing", "kissing"});
  CHECK(Hits(index, "he's missin' again and kissin", &ing) == "");
  CHECK(Hits(index, "pisin it down", &ing) == "7:'pisin'@0");
  // ...but a dropped g of a listed word, or of a form of one, is that word
  index.Add("wank", kDisguised, 8);
  index.Add("wanking", kDisguised, 9);
  const SetLexicon vulgar({"wanking", "missing"}, {"wanking"});  // "wanking": a form of "wank"
  CHECK(Hits(index, "stop wankin about", &vulgar) == "8:'wankin'@5 | 9:'wankin'@5");
  // A piece of a word split by a stray space is that word ("rele ased",
  // "Traff icking"), not a misspelling; where the two pieces make no word
  // the dictionary knows, the piece is read as before.
  index.Add("bitches", kDisguised, 10);
  const SetLexicon split({"britches", "trafficking"});
  CHECK(Hits(index, "Traff icking", &split) == "");
  CHECK(Hits(index, "Traf ficking and fcuk", &split) == "1:'fcuk'@17");
  CHECK(Hits(index, "br itches", &split) == "");
  CHECK(Hits(index, "the itches", &split) == "10:'itches'@4");  // "theitches" is no word
}

TEST_CASE("'1' can stand for 'l'") {
  WordIndex index;
  index.Add("hell", false, 9);
  CHECK(Hits(index, "what the he11") == "9:'he11'@9");
}

TEST_CASE("the same phrase under two owners gives two hits") {
  WordIndex index;
  index.Add("damn", false, 1);
  index.Add("DAMN", false, 2);
  CHECK(Hits(index, "damn") == "1:'damn'@0 | 2:'damn'@0");
}

TEST_CASE("multibyte text around a hit keeps byte offsets right") {
  WordIndex index;
  index.Add("fox", false, 1);
  CHECK(Hits(index, "caf\xC3\xA9 \xF0\x9F\x98\x80 fox") == "1:'fox'@11");
  CHECK(Hits(index, "\xE6\x97\xA5" "fox") == "");  // glued to a CJK letter: not a word of its own
}

TEST_CASE("the same phrase added again, with other options, behaves as if added fresh") {
  // Add remembers each phrase it was given: a repeat skips folding, and must
  // still take the new owner's options.
  WordIndex index, fresh;
  index.Reserve(4);
  CHECK(index.Add("shit", WordOptions{false, true, false}, 1));
  CHECK(index.Add("shit", kDisguised, 2));  // now also masks, for owner 2 only
  CHECK(index.Add("Shit", true, 3));        // exact case
  CHECK(index.Add("shit", true, 4));        // exact case, another spelling
  CHECK_FALSE(index.Add("!!!", false, 5));
  CHECK_FALSE(index.Add("!!!", false, 6));  // no word, however often
  fresh.Add("shit", WordOptions{false, true, false}, 1);
  fresh.Add("shit", kDisguised, 2);
  fresh.Add("Shit", true, 3);
  fresh.Add("shit", true, 4);
  CHECK(index.size() == fresh.size());
  for (const char* text : {"What a load of s***", "Shit happens", "shit happens", "shitting", "sh1t"}) {
    CHECK(Hits(index, text) == Hits(fresh, text));
  }
  CHECK(Hits(index, "What a load of s***") == "2:'s***'@15");
  CHECK(Hits(index, "Shit happens") == "1:'Shit'@0 | 2:'Shit'@0 | 3:'Shit'@0");
}

TEST_CASE("a phrase added by several owners is one entry that reports every owner") {
  WordIndex index;
  CHECK(index.Add("bang to rights", false, 7));
  CHECK(index.Add("Bang to rights", false, 9));   // folds the same
  CHECK(index.Add("Bang to rights", true, 11));   // exact case: another entry
  CHECK(index.size() == 2);
  TokenizedText text;
  Tokenize("He was bang to rights.", &text);
  std::vector<WordHit> hits;
  index.Match(text, &hits);
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].owner == 7);
  CHECK(hits[1].owner == 9);
  CHECK(hits[0].begin == 7);
  CHECK(hits[1].end == 21);
}

}  // namespace
}  // namespace postcheck
