// How much searching and sorting Vietnamese names costs per name, against plain NFC
// normalisation of the same names as the reference (every name is normalised anyway).
#include <benchmark/benchmark.h>

#include <array>
#include <string>

#include "core/phone.hpp"
#include "core/text.hpp"

namespace {

constexpr std::array<const char*, 6> kNames{"Xã Nhơn Mỹ",       "Thành phố Đà Lạt",
                                            "Ấp Mỹ Phước",      "Nguyễn Thị Thu Trang",
                                            "Đặc khu Phú Quốc", "Tổ công nghệ số cộng đồng"};

void BM_ReferenceNfc(benchmark::State& state) {
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(cnscd::text::ToNfc(kNames[i++ % kNames.size()]));
}
BENCHMARK(BM_ReferenceNfc);

void BM_Fold(benchmark::State& state) {
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(cnscd::text::Fold(kNames[i++ % kNames.size()]));
}
BENCHMARK(BM_Fold);

void BM_CollationKey(benchmark::State& state) {
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(cnscd::text::CollationKey(kNames[i++ % kNames.size()]));
  }
}
BENCHMARK(BM_CollationKey);

void BM_NormalizeMobile(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(cnscd::phone::NormalizeMobile("+84 912 345 678"));
}
BENCHMARK(BM_NormalizeMobile);

}  // namespace

BENCHMARK_MAIN();
