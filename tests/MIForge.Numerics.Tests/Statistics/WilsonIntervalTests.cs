using MIForge.Numerics.Statistics;

namespace MIForge.Numerics.Tests.Statistics;

public sealed class WilsonIntervalTests
{
    [Fact]
    public void NoHitsGivesTheClosedFormUpperBound()
    {
        // With no hits the Wilson upper bound is z² / (n + z²): 0.2775 for 10 trials at 95%.
        var (low, high) = WilsonInterval.Of(0, 10);
        Assert.Equal(0, low, 12);
        Assert.Equal(WilsonInterval.Z95 * WilsonInterval.Z95 / (10 + WilsonInterval.Z95 * WilsonInterval.Z95), high, 12);
        Assert.Equal(0.2775, high, 4);
    }

    [Theory]
    [InlineData(24, 40)]
    [InlineData(1, 8)]
    [InlineData(333, 500)]
    public void BoundsAreWhereTheScoreTestSitsExactlyAtZ(long hits, long trials)
    {
        // The Wilson interval is the set of rates p0 the score test (p - p0) / sqrt(p0 (1 - p0) / n) does not reject.
        var p = (double)hits / trials;
        double Score(double p0) => Math.Abs(p - p0) / Math.Sqrt(p0 * (1 - p0) / trials);
        var (low, high) = WilsonInterval.Of(hits, trials);
        Assert.Equal(WilsonInterval.Z95, Score(low), 9);
        Assert.Equal(WilsonInterval.Z95, Score(high), 9);
        Assert.True(Score((low + high) / 2) < WilsonInterval.Z95);
    }

    [Theory]
    [InlineData(3, 40)]
    [InlineData(17, 25)]
    [InlineData(100, 100)]
    public void MirrorsUnderSwappingHitsAndMissesAndContainsTheRate(long hits, long trials)
    {
        var (low, high) = WilsonInterval.Of(hits, trials);
        var (mirrorLow, mirrorHigh) = WilsonInterval.Of(trials - hits, trials);
        Assert.Equal(1 - mirrorHigh, low, 12);
        Assert.Equal(1 - mirrorLow, high, 12);
        Assert.InRange((double)hits / trials, low, high);
    }

    [Fact]
    public void NarrowsAsTrialsGrowAtTheSameRate()
    {
        var small = WilsonInterval.Of(6, 10);
        var large = WilsonInterval.Of(600, 1000);
        Assert.True(large.High - large.Low < (small.High - small.Low) / 5);
    }

    [Fact]
    public void RefusesMoreHitsThanTrials() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonInterval.Of(5, 4));
}
