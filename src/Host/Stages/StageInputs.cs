namespace MIForge.Host.Stages;

/// <summary>A stage's view of the runner's records: the typed artifacts of the stages it depends on (directly
/// or through other inputs), and nothing else.</summary>
public sealed class StageInputs
{
    private readonly Stage stage;
    private readonly IReadOnlyDictionary<Stage, StageResult> results;
    private readonly List<Stage> upstream = [];

    public StageInputs(Stage stage, IReadOnlyDictionary<Stage, StageResult> results)
    {
        this.stage = stage;
        this.results = results;
        var seen = new HashSet<Stage>();
        void Visit(Stage s)
        {
            if (!seen.Add(s)) return;
            foreach (var i in s.Inputs) Visit(i);
            upstream.Add(s);
        }
        foreach (var i in stage.Inputs) Visit(i);
    }

    /// <summary>The artifact of <paramref name="input"/>, which this stage must depend on and the runner must have finished.</summary>
    public T Of<T>(Stage<T> input) => input.Open(ResultOf(input));

    /// <summary>The finished folders of every stage this one depends on, inputs first, each once (stages without a folder are left out).</summary>
    public IReadOnlyList<Reports.StageFolder> Folders() =>
        upstream.Where(s => results.TryGetValue(s, out var r) && r.Directory is not null).Select(s => new Reports.StageFolder(s.Id, s.Kind, results[s].Directory!)).ToArray();

    private StageResult ResultOf(Stage input)
    {
        if (!upstream.Contains(input))
            throw new InvalidOperationException($"stage '{stage.Id}' reads stage '{input.Id}', which is not among its inputs");
        return results.TryGetValue(input, out var result) ? result
            : throw new InvalidOperationException($"stage '{stage.Id}' reads stage '{input.Id}', which has not run");
    }
}
