using MIForge.Abstractions;
using MIForge.Host.Manifests;
using MIForge.Host.Plugins;
using MIForge.Host.Services;
using TorchSharp;

namespace MIForge.Host.Stages;

/// <summary>Checks of a planned manifest point that need its plugins but no data and no training:
/// metrics whose inputs the manifest lacks, class lists against the dataset's class count, and a shape
/// probe (one eval-mode forward of zeros through every configured model on the data's image shape).
/// `validate` and `run` both make them before anything is written. They create plugins, so a plugin read
/// from metadata only (from outside the install, in `validate`) is skipped: `run` loads it and checks it.</summary>
public static class PlanChecks
{
    /// <summary>Adds errors for what would fail later and calls <paramref name="warn"/> for what would silently do nothing.</summary>
    public static void Check(PlanSource plan, StageScopes scopes, ErrorList errors, Action<string> warn)
    {
        var m = plan.Manifest;
        using var services = scopes.OpenOutside("plan", Path.Combine(Path.GetTempPath(), "miforge-plan"), StageSeed.Of(m.Seed, "plan"));
        var catalog = plan.Catalog;
        CheckMetrics(m, catalog, services, errors, warn);
        CheckFiles(m, catalog, services, errors);
        if (errors.Any || m.Data.Dataset is null || Facts(m, catalog, services, errors) is not { } facts) return;
        var name = m.Data.Dataset.Name;
        foreach (var (list, key) in new[] { (m.Data.Split?.Private, "private"), (m.Data.Split?.Public, "public") })
            for (var i = 0; list is not null && i < list.Count; i++)
                if (list[i] >= facts.ClassCount)
                    errors.Add($"data.split.{key}[{i}]", $"class {list[i]} is not in dataset '{name}', which has {facts.ClassCount} classes (0..{facts.ClassCount - 1})");
        if (errors.Any) return;
        if (m.Evaluator is { } evaluator) Probe(catalog, services, evaluator, "evaluator", facts, facts.ClassCount, errors);
        for (var i = 0; i < m.Targets.Count; i++)
            Probe(catalog, services, m.Targets[i], $"targets[{i}]", facts, m.Data.Split?.Private.Count ?? facts.ClassCount, errors);
    }

    private static void CheckMetrics(Manifest m, PluginCatalog catalog, StageServices services, ErrorList errors, Action<string> warn)
    {
        for (var i = 0; i < m.Metrics.Count; i++)
        {
            if (!Runnable(catalog, m.Metrics[i])) continue;
            var needs = services.Factory!.Create(m.Metrics[i]).Requires;
            var name = m.Metrics[i].Name;
            if (needs.HasFlag(MetricInputs.Evaluator) && m.Evaluator is null)
                errors.Add($"metrics[{i}]", $"metric '{name}' needs an evaluator; add an \"evaluator\" section or drop the metric");
            else if (needs.HasFlag(MetricInputs.Reconstructions) && m.Attacks.Count == 0)
                warn($"metrics[{i}]: metric '{name}' needs reconstructions and the manifest has no attacks: it will compute nothing");
            else if (needs.HasFlag(MetricInputs.OodScores) && m.Ood is null)
                warn($"metrics[{i}]: metric '{name}' needs OOD scores and the manifest has no \"ood\" section: it will compute nothing");
        }
    }

    /// <summary>The dataset's facts when it can tell them; a dataset that fails to describe itself is an error at data.dataset.</summary>
    /// <summary>Every dataset that can check its files (<see cref="ICheckableDataset"/>: folders, headers) does so;
    /// a problem is an error at the dataset's manifest key, naming the file.</summary>
    private static void CheckFiles(Manifest m, PluginCatalog catalog, StageServices services, ErrorList errors)
    {
        var datasets = new List<(PluginRef<IDataset>? dataset, string key)> { (m.Data.Dataset, "data.dataset"), (m.Data.Public, "data.public"), (m.Data.Auxiliary, "data.auxiliary") };
        for (var i = 0; m.Ood is not null && i < m.Ood.Sets.Count; i++) datasets.Add((m.Ood.Sets[i].Dataset, $"ood.sets[{i}].dataset"));
        foreach (var (dataset, key) in datasets)
        {
            if (dataset is null || !Runnable(catalog, dataset)) continue;
            try
            {
                if (services.Factory!.Create(dataset) is ICheckableDataset checkable) checkable.CheckFiles();
            }
            catch (Exception x) when (x is IOException or InvalidDataException or ArgumentException or UnauthorizedAccessException)
            {
                errors.Add(key, $"dataset '{dataset.Name}': {x.Message}");
            }
        }
    }

    private static DatasetFacts? Facts(Manifest m, PluginCatalog catalog, StageServices services, ErrorList errors)
    {
        if (!Runnable(catalog, m.Data.Dataset!)) return null;
        try
        {
            return services.Factory!.Create(m.Data.Dataset!) is IDescribedDataset described ? described.Describe() : null;
        }
        catch (Exception x) when (x is IOException or InvalidDataException or ArgumentException or UnauthorizedAccessException)
        {
            errors.Add("data.dataset", $"dataset '{m.Data.Dataset!.Name}': {x.Message}");
            return null;
        }
    }

    private static void Probe(PluginCatalog catalog, StageServices services, ClassifierSpec spec, string key, DatasetFacts facts, int classes, ErrorList errors)
    {
        if (spec.Model is null || !Runnable(catalog, spec.Model)) return;
        var shape = facts.Shape;
        try
        {
            using var scope = torch.NewDisposeScope();
            using var noGrad = torch.no_grad();
            using var model = services.Factory!.Create(spec.Model).Create(shape, classes);
            model.Module.eval();
            using var output = model.Forward(torch.zeros(1, shape.Channels, shape.Height, shape.Width));
            if (output.Logits.shape is not [1, var k] || k != classes)
                errors.Add($"{key}.model", $"model '{spec.Model.Name}' gave logits of shape [{string.Join(", ", output.Logits.shape)}] for one image, expected [1, {classes}]");
        }
        catch (Exception x) when (x is not OperationCanceledException and not ManifestException and not PluginLoadException)
        {
            errors.Add($"{key}.model", $"model '{spec.Model.Name}' cannot take the data's {shape.Channels}×{shape.Height}×{shape.Width} images: {FirstLine(x.Message)}"
                + " (does the dataset need options such as \"pad\" or \"size\"?)");
        }
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    /// <summary>False for a plugin read from metadata only, which planning must not create.</summary>
    private static bool Runnable<T>(PluginCatalog catalog, PluginRef<T> reference) where T : class =>
        catalog.Find(PluginKind.Of(typeof(T))!, reference.Name)?.CodeLoaded != false;
}
