// See pack_codec.h. Numbers are LEB128 varints, strings a length and the
// bytes (byte_codec.h), lists a count and their items; each pack's examples
// are one block with its length in front, so that a load without examples
// skips them.
#include "rules/pack_codec.h"

#include "text/byte_codec.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <map>
#include <memory>

namespace postcheck {
namespace {

class Writer {
 public:
  Writer(std::string* out, const std::string* pack_file) : bytes_(out), pack_file_(pack_file) {}

  void Number(uint64_t v) { bytes_.Number(v); }
  void Int(int v) { Number(static_cast<uint64_t>(static_cast<int64_t>(v))); }
  void Text(std::string_view s) { bytes_.Text(s); }
  void Texts(const std::vector<std::string>& list) {
    Number(list.size());
    for (const std::string& s : list) Text(s);
  }
  // A mark's file is its pack's (or none): one byte says which.
  void Mark(const SourceMark& mark) {
    if (!mark.file.empty() && mark.file != *pack_file_) {
      ok_ = false;
      bad_file_ = mark.file;
    }
    Number(mark.file.empty() ? 0 : 1);
    Int(mark.line);
    Int(mark.column);
  }
  void Located(const std::vector<postcheck::Located>& list) {
    Number(list.size());
    for (const auto& l : list) {
      Text(l.text);
      Mark(l.mark);
    }
  }
  void Contexts(const std::vector<Context>& list) {
    Number(list.size());
    for (const Context& c : list) {
      Texts(c.words);
      Located(c.patterns);
      Texts(c.rules);
      Number(static_cast<uint64_t>(c.scope));
      Int(c.within);
      Number(c.match_case);
      Texts(c.lists);
      Mark(c.mark);
    }
  }
  void Examples(const std::vector<Example>& list) {
    Number(list.size());
    for (const Example& e : list) {
      Text(e.text);
      Text(e.match);
      Mark(e.mark);
    }
  }

  const std::string* pack_file() const { return pack_file_; }
  // Takes in what another writer found wrong.
  void Merge(const Writer& other) {
    if (!other.ok_) {
      ok_ = false;
      bad_file_ = other.bad_file_;
    }
  }
  bool ok() const { return ok_; }
  const std::string& bad_file() const { return bad_file_; }

 private:
  ByteWriter bytes_;
  const std::string* pack_file_;
  bool ok_ = true;
  std::string bad_file_;
};

class Reader {
 public:
  Reader(std::string_view bytes, const std::string* pack_file) : bytes_(bytes), pack_file_(pack_file) {}

  uint64_t Number() { return bytes_.Number(); }
  int Int() {
    const auto v = static_cast<int64_t>(Number());
    if (v < INT32_MIN || v > INT32_MAX) return static_cast<int>(Fail());
    return static_cast<int>(v);
  }
  bool Bool() { return bytes_.Bool(); }
  size_t Left() const { return bytes_.left(); }
  // A count of items, each at least one byte long: never more than the
  // bytes left, so a damaged count cannot make a huge allocation.
  size_t Count() {
    const uint64_t n = Number();
    if (n > bytes_.left()) return static_cast<size_t>(Fail());
    return static_cast<size_t>(n);
  }
  std::string_view Bytes() { return bytes_.Bytes(); }
  std::string Text() { return bytes_.Text(); }
  std::vector<std::string> Texts() {
    std::vector<std::string> list(Count());
    for (std::string& s : list) s = Text();
    return list;
  }
  SourceMark Mark() {
    SourceMark mark;
    if (Bool()) mark.file = *pack_file_;
    mark.line = Int();
    mark.column = Int();
    return mark;
  }
  std::vector<postcheck::Located> Located() {
    std::vector<postcheck::Located> list(Count());
    for (auto& l : list) {
      l.text = Text();
      l.mark = Mark();
    }
    return list;
  }
  std::vector<Context> Contexts() {
    std::vector<Context> list(Count());
    for (Context& c : list) {
      c.words = Texts();
      c.patterns = Located();
      c.rules = Texts();
      const uint64_t scope = Number();
      if (scope > static_cast<uint64_t>(Context::Scope::kOverlap)) Fail();
      c.scope = static_cast<Context::Scope>(ok() ? scope : 0);
      c.within = Int();
      c.match_case = Bool();
      c.lists = Texts();
      c.mark = Mark();
    }
    return list;
  }
  std::vector<Example> Examples() {
    std::vector<Example> list(Count());
    for (Example& e : list) {
      e.text = Text();
      e.match = Text();
      e.mark = Mark();
    }
    return list;
  }

  uint64_t Fail() { return bytes_.Fail(); }
  bool ok() const { return bytes_.ok(); }
  bool done() const { return bytes_.done(); }
  void set_pack_file(const std::string* file) { pack_file_ = file; }

 private:
  ByteReader bytes_;
  const std::string* pack_file_;
};

uint64_t ZigZag(int64_t v) { return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63); }
int64_t UnZigZag(uint64_t v) { return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1); }

// A model: its labels, the bias of each, its features and their weights.
void WriteModel(const LoosePostModel& m, Writer* w) {
  w->Texts(m.labels());
  for (int32_t b : m.bias()) w->Number(ZigZag(b));
  w->Texts(m.features());
  for (int32_t x : m.weights()) w->Number(ZigZag(x));
}

std::shared_ptr<const LoosePostModel> ReadModel(Reader* r) {
  std::vector<std::string> labels = r->Texts();
  std::vector<int32_t> bias(r->ok() ? labels.size() : 0);
  auto weight = [&] {
    const int64_t v = UnZigZag(r->Number());
    if (v < INT32_MIN || v > INT32_MAX) r->Fail();
    return static_cast<int32_t>(v);
  };
  for (int32_t& b : bias) b = weight();
  std::vector<std::string> features = r->Texts();
  // each weight is a byte at least: a damaged count cannot make a huge allocation
  if (!r->ok() || labels.empty() || features.size() > r->Left() / labels.size()) {
    r->Fail();
    return nullptr;
  }
  std::vector<int32_t> weights(features.size() * labels.size());
  for (size_t k = 0; k < weights.size() && r->ok(); ++k) weights[k] = weight();
  if (!r->ok()) return nullptr;
  auto model = LoosePostModel::FromParts(std::move(labels), std::move(bias), std::move(features), std::move(weights));
  if (!model) r->Fail();
  return model;
}

void WriteRule(const Rule& r, const std::map<const void*, size_t>& shared_lists,
               const std::map<const void*, size_t>& shared_models, Writer* w) {
  w->Text(r.id);
  w->Text(r.category);
  w->Number(static_cast<uint64_t>(r.severity));
  w->Number(r.report);
  w->Text(r.message);
  w->Text(r.why);
  w->Text(r.suggest);
  w->Text(r.replace);
  w->Located(r.patterns);
  w->Texts(r.words);
  w->Number(r.swap.size());
  for (const auto& [term, replacement] : r.swap) {
    w->Text(term);
    w->Text(replacement);
  }
  w->Number(r.names.has_value());
  if (r.names) {
    w->Texts(r.names->titles);
    w->Number(shared_lists.at(r.names->first_names.get()));
    w->Texts(r.names->not_surnames);
    w->Number(r.names->alone);
    w->Texts(r.names->not_alone);
    w->Texts(r.names->towns);
    w->Texts(r.names->places);
  }
  w->Number(r.spelling.has_value());
  if (r.spelling) {
    w->Text(r.spelling->dictionary);
    w->Texts(r.spelling->accept);
  }
  w->Number(r.length.has_value());
  if (r.length) {
    w->Number(static_cast<uint64_t>(r.length->measure));
    w->Number(r.length->limit);
  }
  w->Number(r.cluster.has_value());
  if (r.cluster) {
    w->Texts(r.cluster->rules);
    w->Int(r.cluster->min);
    w->Int(r.cluster->within);
    w->Mark(r.cluster->mark);
  }
  w->Number(r.model.has_value());
  if (r.model) {
    w->Number(shared_models.at(r.model->model.get()));
    w->Text(r.model->label);
    char threshold[32];
    std::snprintf(threshold, sizeof threshold, "%.17g", r.model->threshold);
    w->Text(threshold);
    w->Mark(r.model->mark);
  }
  w->Number(r.match_case);
  w->Number(r.disguises);
  w->Text(r.platform);
  w->Texts(r.lists);
  w->Texts(r.validators);
  w->Contexts(r.near);
  w->Contexts(r.unless);
  w->Mark(r.mark);
  // The examples, as one block with its length in front.
  std::string examples;
  Writer block(&examples, w->pack_file());
  block.Examples(r.flag);
  block.Examples(r.pass);
  w->Text(examples);
  w->Merge(block);
}

Rule ReadRule(const Pack& pack, const std::vector<std::shared_ptr<const NamesMatcher::Words>>& shared_lists,
              const std::vector<std::shared_ptr<const LoosePostModel>>& shared_models, bool read_examples,
              Reader* r) {
  Rule rule;
  rule.pack = pack.id;
  rule.id = r->Text();
  rule.full_id = pack.id + "." + rule.id;
  rule.category = r->Text();
  const uint64_t severity = r->Number();
  if (severity > static_cast<uint64_t>(Severity::kError)) r->Fail();
  rule.severity = static_cast<Severity>(r->ok() ? severity : 0);
  rule.report = r->Bool();
  rule.message = r->Text();
  rule.why = r->Text();
  rule.suggest = r->Text();
  rule.replace = r->Text();
  rule.patterns = r->Located();
  rule.words = r->Texts();
  rule.swap.resize(r->Count());
  for (auto& [term, replacement] : rule.swap) {
    term = r->Text();
    replacement = r->Text();
  }
  if (r->Bool()) {
    NamesMatcher names;
    names.titles = r->Texts();
    const uint64_t list = r->Number();
    if (list < shared_lists.size()) {
      names.first_names = shared_lists[list];
    } else {
      r->Fail();
    }
    names.not_surnames = r->Texts();
    names.alone = r->Bool();
    names.not_alone = r->Texts();
    names.towns = r->Texts();
    names.places = r->Texts();
    rule.names = std::move(names);
  }
  if (r->Bool()) {
    SpellingMatcher spelling;
    spelling.dictionary = r->Text();
    spelling.accept = r->Texts();
    rule.spelling = std::move(spelling);
  }
  if (r->Bool()) {
    LengthMatcher length;
    const uint64_t measure = r->Number();
    if (measure >= LengthMeasureNames().size()) r->Fail();
    length.measure = static_cast<LengthMeasure>(r->ok() ? measure : 0);
    length.limit = r->Number();
    rule.length = length;
  }
  if (r->Bool()) {
    ClusterMatcher cluster;
    cluster.rules = r->Texts();
    cluster.min = r->Int();
    cluster.within = r->Int();
    cluster.mark = r->Mark();
    rule.cluster = std::move(cluster);
  }
  if (r->Bool()) {
    ModelMatcher model;
    const uint64_t k = r->Number();
    if (k < shared_models.size()) {
      model.model = shared_models[k];
    } else {
      r->Fail();
    }
    model.label = r->Text();
    const std::string threshold = r->Text();
    char* end = nullptr;
    model.threshold = std::strtod(threshold.c_str(), &end);
    if (threshold.empty() || end != threshold.c_str() + threshold.size() || !(model.threshold > 0) ||
        !(model.threshold < 1) || !model.model || model.model->LabelIndex(model.label) < 0) {
      r->Fail();
    }
    model.mark = r->Mark();
    rule.model = std::move(model);
  }
  rule.match_case = r->Bool();
  rule.disguises = r->Bool();
  rule.platform = r->Text();
  rule.lists = r->Texts();
  rule.validators = r->Texts();
  rule.near = r->Contexts();
  rule.unless = r->Contexts();
  rule.mark = r->Mark();
  const std::string_view examples = r->Bytes();
  if (read_examples && r->ok()) {
    Reader block(examples, &pack.file);
    rule.flag = block.Examples();
    rule.pass = block.Examples();
    if (!block.ok() || !block.done()) r->Fail();
  }
  return rule;
}

}  // namespace

bool EncodePacks(const std::vector<Pack>& packs, std::string* out, std::string* error) {
  // The first-name lists, each once, in the order the rules first name them.
  std::map<const void*, size_t> shared_lists;
  std::vector<const NamesMatcher::Words*> lists;
  for (const Pack& pack : packs) {
    for (const Rule& rule : pack.rules) {
      if (rule.names && shared_lists.emplace(rule.names->first_names.get(), lists.size()).second) {
        lists.push_back(rule.names->first_names.get());
      }
    }
  }
  // The models likewise.
  std::map<const void*, size_t> shared_models;
  std::vector<const LoosePostModel*> models;
  for (const Pack& pack : packs) {
    for (const Rule& rule : pack.rules) {
      if (rule.model && shared_models.emplace(rule.model->model.get(), models.size()).second) {
        models.push_back(rule.model->model.get());
      }
    }
  }
  Writer w(out, nullptr);
  w.Number(lists.size());
  for (const NamesMatcher::Words* list : lists) w.Texts(*list);
  w.Number(models.size());
  for (const LoosePostModel* model : models) WriteModel(*model, &w);
  w.Number(packs.size());
  for (const Pack& pack : packs) {
    Writer p(out, &pack.file);
    p.Text(pack.id);
    p.Text(pack.description);
    p.Number(pack.rules.size());
    for (const Rule& rule : pack.rules) {
      if (rule.pack != pack.id || rule.full_id != pack.id + "." + rule.id) {
        *error = "rule '" + rule.full_id + "' does not belong to pack '" + pack.id + "'";
        return false;
      }
      WriteRule(rule, shared_lists, shared_models, &p);
    }
    if (!p.ok()) {
      *error = "pack '" + pack.id + "' has a source mark in " + p.bad_file() + ", not in " + pack.file;
      return false;
    }
  }
  return true;
}

bool DecodePacks(std::string_view bytes, const std::vector<std::string>& pack_files, bool read_examples,
                 std::vector<Pack>* packs) {
  Reader r(bytes, nullptr);
  std::vector<std::shared_ptr<const NamesMatcher::Words>> lists(r.Count());
  for (auto& list : lists) list = std::make_shared<const NamesMatcher::Words>(r.Texts());
  std::vector<std::shared_ptr<const LoosePostModel>> models(r.Count());
  for (auto& model : models) {
    if (r.ok()) model = ReadModel(&r);
  }
  if (!r.ok()) return false;
  if (r.Number() != pack_files.size()) return false;
  std::vector<Pack> decoded(pack_files.size());
  for (size_t k = 0; k < decoded.size() && r.ok(); ++k) {
    Pack& pack = decoded[k];
    pack.file = pack_files[k];
    r.set_pack_file(&pack.file);
    pack.id = r.Text();
    pack.description = r.Text();
    pack.rules.resize(r.Count());
    for (Rule& rule : pack.rules) rule = ReadRule(pack, lists, models, read_examples, &r);
  }
  if (!r.ok() || !r.done()) return false;
  packs->insert(packs->end(), std::make_move_iterator(decoded.begin()), std::make_move_iterator(decoded.end()));
  return true;
}

}  // namespace postcheck
