// Basin's TorchGenerator against PyTorch 1.13's own numbers (tests/data/fixtures/torch_randn.json,
// made by tests/fixtures/generate_randn_fixtures.py): raw torch.randn bits for many sizes and
// seeds, and the reference's directions (seed 123, the network's construction draws, then x and
// y over parameters() or state_dict()) on five zoo networks, bit for bit.
#include <QtTest>
#include <bit>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/landscape/direction.h"
#include "core/landscape/torch_randn.h"
#include "core/zoo/zoo.h"
#include "tests/support/test_support.h"

using namespace basin;

namespace {

nlohmann::json fixture() {
  std::ifstream in(test::dataPath("fixtures/torch_randn.json"));
  return nlohmann::json::parse(in);
}

uint32_t bitsOf(float v) {
  return std::bit_cast<uint32_t>(v);
}

std::string hex32(uint32_t v) {
  char s[9];
  std::snprintf(s, sizeof s, "%08x", v);
  return s;
}

std::string fnv1a(const std::vector<float>& values) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (float v : values) {
    const uint32_t w = bitsOf(v);
    for (int k = 0; k < 4; ++k) {
      h ^= (w >> (8 * k)) & 0xff;
      h *= 0x100000001b3ull;
    }
  }
  char s[17];
  std::snprintf(s, sizeof s, "%016llx", static_cast<unsigned long long>(h));
  return s;
}

}  // namespace

class TestTorchRandn : public QObject {
  Q_OBJECT

  nlohmann::json m_fixture = fixture();

 private slots:
  void uniformsAreTorchs() {
    // MT19937 seeded as torch.manual_seed (numpy's legacy RandomState(5489) stream starts
    // 3499211612), float uniforms from the low 24 bits.
    TorchGenerator g(5489);
    QCOMPARE(g.next32(), 3499211612u);
    TorchGenerator h(5489);
    QCOMPARE(h.uniformFloat(), float(3499211612u & 0xFFFFFF) * 0x1p-24f);
  }

  void rawDrawsAreBitForBit() {
    int sequences = 0, values = 0;
    for (const auto& seq : m_fixture.at("raw")) {
      TorchGenerator g(seq.at("seed").get<uint64_t>());
      std::vector<float> drawn;
      const auto sizes = seq.at("sizes").get<std::vector<int64_t>>();
      if (sizes.empty()) drawn = g.randn(1);  // a 0-dim tensor
      for (int64_t n : sizes) {
        const std::vector<float> v = g.randn(n);
        drawn.insert(drawn.end(), v.begin(), v.end());
      }
      const auto expected = seq.at("bits").get<std::vector<std::string>>();
      QCOMPARE(drawn.size(), expected.size());
      for (size_t i = 0; i < drawn.size(); ++i)
        QVERIFY2(hex32(bitsOf(drawn[i])) == expected[i],
                 qPrintable(QString("seed %1, sizes %2: value %3 is %4, PyTorch's %5")
                                .arg(seq.at("seed").get<uint64_t>())
                                .arg(QString::fromStdString(seq.at("sizes").dump()))
                                .arg(i)
                                .arg(QString::fromStdString(hex32(bitsOf(drawn[i]))))
                                .arg(QString::fromStdString(expected[i]))));
      ++sequences;
      values += int(drawn.size());
    }
    QVERIFY(sequences >= 50 && values > 5000);
  }

  void referenceOrderOfDrawsOnZooNetworks() {
    for (const auto& ref : m_fixture.at("reference")) {
      const std::string model = ref.at("model"), type = ref.at("type");
      ArchSpec spec;
      spec.name = model;
      const Network network = buildModel(spec);
      QCOMPARE(constructionDraws(network), ref.at("construction_draws").get<int64_t>());
      const DirectionType dirType = parseDirectionType(type);
      const std::vector<int> entries = directionEntries(network, dirType);
      TorchGenerator g(123);
      g.skip(constructionDraws(network));
      for (const char* axis : {"x", "y"}) {
        const auto& rows = ref.at(axis);
        QCOMPARE(entries.size(), rows.size());
        for (size_t k = 0; k < entries.size(); ++k) {
          const StateEntry& e = network.state().entry(entries[k]);
          const std::vector<float> d = g.randn(e.size);
          QCOMPARE(e.name, rows[k].at("name").get<std::string>());
          QCOMPARE(int64_t(d.size()), rows[k].at("numel").get<int64_t>());
          QVERIFY2(fnv1a(d) == rows[k].at("fnv1a").get<std::string>(),
                   qPrintable(QString::fromStdString(model + " " + type + " " + axis + ": " +
                                                     e.name + " differs from PyTorch's draws")));
        }
      }
    }
  }
};

QTEST_GUILESS_MAIN(TestTorchRandn)
#include "test_torch_randn.moc"
