using MIForge.Abstractions;

namespace MIForge.Host.Stages;

/// <summary>A finished prior stage: the folder the prior plugin saved itself into, loaded on demand.</summary>
public sealed class TrainedPrior
{
    private readonly PluginRef<IPrior> prior;

    private TrainedPrior(string folder, PluginRef<IPrior> prior)
    {
        Folder = folder;
        this.prior = prior;
    }

    /// <summary>The prior plugin's own folder (prior/ in the stage folder).</summary>
    public string Folder { get; }

    /// <summary>The trained prior, created with <paramref name="stage"/>'s services; the caller owns it.</summary>
    public IPrior Load(StageContext stage)
    {
        var model = stage.Create(prior);
        model.Load(Folder);
        return model;
    }

    /// <summary>The result of prior stage <paramref name="stageId"/> in <paramref name="directory"/>; the prior's folder must be there.</summary>
    public static TrainedPrior Open(string stageId, string directory, PluginRef<IPrior> prior)
    {
        var folder = Path.Combine(directory, StageLayout.PriorFolder);
        if (!System.IO.Directory.Exists(folder))
            throw new InvalidDataException($"stage '{stageId}': {folder} is missing; run it again (--force {stageId})");
        return new TrainedPrior(folder, prior);
    }
}
