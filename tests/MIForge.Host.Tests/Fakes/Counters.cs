namespace MIForge.Host.Tests.Fakes;

/// <summary>How often each fake did its expensive work, to prove what ran and what was cached.</summary>
public static class Counters
{
    public static int Trainings, PriorTrainings, Attacks, Metrics, ScorersCreated, ScorersDisposed, PriorsCreated;

    public static void Reset() => Trainings = PriorTrainings = Attacks = Metrics = ScorersCreated = ScorersDisposed = PriorsCreated = 0;
}
