using System.CommandLine;
using MIForge.Abstractions;
using MIForge.Host.Checkpoints;
using MIForge.Host.Cluster;
using MIForge.Host.Manifests;
using MIForge.Host.Plugins;
using MIForge.Host.Runs;
using MIForge.Host.Services;
using MIForge.Host.Stages;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Cli;

/// <summary>The miforge command line: run, validate, plugins, describe, checkpoint import, verify, submit, status, table,
/// compare, onednn.</summary>
public static class CommandLine
{
    internal static readonly Option<string[]> pluginsOption = new("--plugins") { Description = "An extra plugin folder (or a folder of plugin folders); repeatable.", AllowMultipleArgumentsPerToken = false };
    internal static readonly Option<string[]> trustOption = new("--trust-plugins") { Description = "A folder outside the manifest's folder that its \"plugins\" entries may load code from; repeatable.", AllowMultipleArgumentsPerToken = false };
    internal static readonly Option<bool> verboseOption = new("--verbose", "-v") { Description = "Log debug messages and print stack traces of errors." };

    /// <summary>--verbose, for commands defined in their own files.</summary>
    internal static Option<bool> VerboseOption => verboseOption;

    public static int Run(string[] args, TextWriter output, TextWriter error, CliSettings? settings = null)
    {
        settings ??= new CliSettings();
        var root = new RootCommand("MIForge: model-inversion attacks and defenses from JSON manifests.");
        root.Options.Add(verboseOption);
        root.Subcommands.Add(RunCommand(output, error, settings));
        root.Subcommands.Add(ValidateCommand(output, error, settings));
        root.Subcommands.Add(PluginsCommand(output, error, settings));
        root.Subcommands.Add(DescribeCommand(output, error, settings));
        root.Subcommands.Add(CheckpointCommand(output, error, settings));
        root.Subcommands.Add(VerifyCommand(output, error));
        root.Subcommands.Add(ClusterCommands.Submit(output, error, settings));
        root.Subcommands.Add(ClusterCommands.Status(output, error));
        root.Subcommands.Add(TableCommand.Create(output, error));
        root.Subcommands.Add(CompareCommand.Create(output, error));
        root.Subcommands.Add(OneDnnCommand.Create(output, error));
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors) error.WriteLine($"error: {e.Message}");
            error.WriteLine("Run 'miforge --help' for usage.");
            return ExitCodes.BadInput;
        }
        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
    }

    private static Command RunCommand(TextWriter output, TextWriter error, CliSettings settings)
    {
        var manifest = new Argument<string>("manifest") { Description = "The manifest JSON file." };
        var outDir = new Option<string?>("--out", "-o") { Description = "Run folder (default: runs/<name>). Stages already finished there are reused." };
        var force = new Option<string[]>("--force") { Description = "Rerun a stage (id, e.g. attack.mcnn.gmi, or kind, e.g. attack) and what depends on it; repeatable." };
        var stage = ClusterCommands.StageOption();
        var command = new Command("run", "Run a manifest.") { manifest, outDir, pluginsOption, trustOption, force, stage, verboseOption };
        command.SetAction(p => Guard(p, error, log =>
        {
            // Ctrl-C / SIGTERM reach the command through settings.Cancellation: the host lifetime's stop token.
            {
                var catalog = HostSetup.Catalog(p.GetValue(pluginsOption) ?? [], settings);
                var loaded = new ManifestLoader(catalog, settings.MaxSweepPoints, p.GetValue(trustOption) ?? []).Load(p.GetValue(manifest)!);
                using var services = HostSetup.Services(log, p.GetValue(verboseOption));
                IntraOpThreads.Configure(settings.Threads);
                if (p.GetValue(stage) is { Length: > 0 } stages)
                    return ClusterCommands.RunStages(loaded, p.GetValue(outDir), stages, p.GetValue(force) ?? [], catalog, services, log, output, error, settings);
                var progress = LiveProgress.Over(output, error);
                IReadOnlyDictionary<string, IReadOnlyList<StageOutcome>> results;
                try { results = new ExperimentRun(catalog, services, log, progress).Run(loaded, p.GetValue(outDir), p.GetValue(force) ?? [], settings.Cancellation); }
                finally { if (progress is LiveProgress live) live.Dispose(); }
                var root = ExperimentRun.Root(loaded, p.GetValue(outDir));
                foreach (var (label, outcomes) in results)
                {
                    output.WriteLine($"{(label.Length == 0 ? "run" : label)}: {outcomes.Count(o => o.Status == StageStatus.Ran)} stages ran, {outcomes.Count(o => o.Status == StageStatus.Cached)} cached");
                    output.WriteLine($"report: {new RunFolder(root, label).Report}");
                    RunSummary.Write(new RunFolder(root, label).Metrics, label, output);
                }
                return ExitCodes.Success;
            }
        }));
        return command;
    }

    private static Command ValidateCommand(TextWriter output, TextWriter error, CliSettings settings)
    {
        var manifest = new Argument<string>("manifest") { Description = "The manifest JSON file." };
        var command = new Command("validate", "Check a manifest: JSON, plugin names, options, references, class lists, dataset files (headers only), metric inputs, and one forward of zeros through every model on the data's image shape. Trains and writes nothing. "
            + "It runs no code from outside the install: plugins from --plugins, MIFORGE_PLUGIN_PATH or the manifest's \"plugins\" are checked from their metadata (names, option keys, types, ranges), and their models, datasets and metrics are probed by `run` before it writes anything.") { manifest, pluginsOption, trustOption, verboseOption };
        command.SetAction(p => Guard(p, error, log =>
        {
            var catalog = HostSetup.Catalog(p.GetValue(pluginsOption) ?? [], settings, metadataOnly: true);
            var loaded = new ManifestLoader(catalog, settings.MaxSweepPoints, p.GetValue(trustOption) ?? []).Load(p.GetValue(manifest)!);
            using var services = HostSetup.Services(log, p.GetValue(verboseOption));
            new ExperimentRun(catalog, services, log, TextWriter.Null).Check(loaded, w => error.WriteLine($"warning: {loaded.File}: {w}"));
            output.WriteLine($"{loaded.File}: valid ({loaded.Points.Count} run{(loaded.Points.Count == 1 ? "" : "s")})");
            var unprobed = loaded.Points.SelectMany(pt => CodeIdentity.PluginsIn(catalog, pt.Resolved)).Where(d => !d.CodeLoaded).Select(d => d.Id).Distinct().ToArray();
            if (unprobed.Length > 0)
                output.WriteLine($"note: {string.Join(", ", unprobed)} from outside the install {(unprobed.Length == 1 ? "was" : "were")} checked from metadata only; `miforge run` probes {(unprobed.Length == 1 ? "it" : "them")} before writing anything");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command PluginsCommand(TextWriter output, TextWriter error, CliSettings settings)
    {
        var kind = new Argument<string?>("kind") { Description = "Only this kind (" + string.Join(", ", PluginKind.All.Select(k => k.Name)) + ").", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("plugins", "List plugins: name, kind, description, source folder.") { kind, pluginsOption, verboseOption };
        command.SetAction(p => Guard(p, error, _ =>
        {
            var catalog = HostSetup.Catalog(p.GetValue(pluginsOption) ?? [], settings, metadataOnly: true);
            PluginKind? filter = null;
            if (p.GetValue(kind) is { } k)
                filter = PluginKind.Named(k) ?? throw new ManifestException(null, "kind", $"unknown plugin kind '{k}'{Options.NearestNames.Hint(k, PluginKind.All.Select(x => x.Name).ToArray())}");
            PluginTable.Write(output, catalog.All.Where(d => filter is null || d.Kind == filter));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command DescribeCommand(TextWriter output, TextWriter error, CliSettings settings)
    {
        var id = new Argument<string>("plugin") { Description = "KIND/NAME, e.g. attack/gmi." };
        var command = new Command("describe", "Show a plugin's options: types, defaults, ranges, descriptions. Runs no code from outside the install: such plugins are read from metadata, without their defaults.") { id, pluginsOption, verboseOption };
        command.SetAction(p => Guard(p, error, _ =>
        {
            var catalog = HostSetup.Catalog(p.GetValue(pluginsOption) ?? [], settings, metadataOnly: true);
            var text = p.GetValue(id)!;
            var slash = text.IndexOf('/');
            if (slash < 0) throw new ManifestException(null, "plugin", $"expected KIND/NAME (e.g. attack/gmi), got '{text}'");
            var kind = PluginKind.Named(text[..slash])
                ?? throw new ManifestException(null, "plugin", $"unknown plugin kind '{text[..slash]}'{Options.NearestNames.Hint(text[..slash], PluginKind.All.Select(x => x.Name).ToArray())}");
            PluginTable.Describe(output, catalog.Get(kind, text[(slash + 1)..]));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command CheckpointCommand(TextWriter output, TextWriter error, CliSettings settings)
    {
        var file = new Argument<string>("file") { Description = "A PyTorch state_dict saved with torch.save (zip format): bare, under \"state_dict\", with or without \"module.\" prefixes." };
        var model = new Option<string>("--model") { Description = "The architecture plugin (e.g. mcnn, scnn, vgg16-bn).", Required = true };
        var options = new Option<string?>("--options") { Description = "The architecture's options as a JSON object." };
        var classes = new Option<int>("--classes") { Description = "Number of classes.", Required = true };
        var input = new Option<string>("--input") { Description = "Input shape CxHxW, e.g. 1x32x32.", Required = true };
        var outDir = new Option<string>("--out", "-o") { Description = "Folder for model.safetensors and its sidecar; name it in targets[].checkpoint or evaluator.checkpoint.", Required = true };
        var maps = new Option<string[]>("--map") { Description = "Rename OLD=NEW before matching (a key or a dotted prefix); repeatable. Keys left unmatched by name are matched by order and shape when that is unambiguous." };
        var import = new Command("import", "Turn a PyTorch state_dict into a MIForge classifier checkpoint.") { file, model, options, classes, input, outDir, maps, pluginsOption, verboseOption };
        import.SetAction(p => Guard(p, error, log =>
        {
            var catalog = HostSetup.Catalog(p.GetValue(pluginsOption) ?? [], settings);
            JObject? json = null;
            if (p.GetValue(options) is { } text)
            {
                try { json = JObject.Parse(text); }
                catch (JsonReaderException e) { throw new ManifestException(null, "--options", $"expected a JSON object: {e.Message}"); }
            }
            if (p.GetValue(classes) is var n && n < 1) throw new ManifestException(null, "--classes", $"expected a positive number of classes, got {n}");
            var request = new CheckpointImportRequest(p.GetValue(file)!,
                new PluginRef<IModelArchitecture>(p.GetValue(model)!, json),
                p.GetValue(classes), CheckpointImport.ParseShape(p.GetValue(input)!), p.GetValue(outDir)!,
                CheckpointImport.ParseRenames(p.GetValue(maps) ?? []));
            using var services = HostSetup.Services(log, p.GetValue(verboseOption));
            var (path, keys) = new CheckpointImport(catalog, services).Run(request);
            var renamed = keys.Count(kv => kv.Key != kv.Value);
            output.WriteLine($"{path}: {keys.Count} tensors imported from {request.File}{(renamed > 0 ? $" ({renamed} matched under another name; see the sidecar)" : "")}");
            return ExitCodes.Success;
        }));
        return new Command("checkpoint", "Work with checkpoints.") { import, ImportPriorCommand(output, error, settings) };
    }

    private static Command ImportPriorCommand(TextWriter output, TextWriter error, CliSettings settings)
    {
        var file = new Argument<string>("generator") { Description = "The generator's state_dict (GMI's / KED-MI's G file), torch.save zip format: bare, under \"state_dict\", with or without \"module.\" prefixes." };
        var discriminator = new Option<string?>("--discriminator") { Description = "The discriminator's state_dict (the D file); without it the discriminator stays untrained." };
        var prior = new Option<string>("--prior") { Description = "The prior plugin: wgan-gp (GMI) or kedmi-gan (KED-MI; --options '{\"layout\": \"kedmi\"}' for its reference discriminator).", Required = true };
        var options = new Option<string?>("--options") { Description = "The prior's options as a JSON object (latentDim and width must be the file's)." };
        var input = new Option<string>("--input") { Description = "Image shape CxHxW the generator produces, e.g. 3x64x64.", Required = true };
        var classes = new Option<int>("--classes") { Description = "Discriminator outputs: the target's class count for kedmi-gan; 1 for wgan-gp.", DefaultValueFactory = _ => 1 };
        var outDir = new Option<string>("--out", "-o") { Description = "Prior folder to write; name it in the prior's checkpoint option.", Required = true };
        var maps = new Option<string[]>("--map") { Description = "Rename OLD=NEW before matching (a key or a dotted prefix); repeatable." };
        var command = new Command("import-prior", "Turn a PyTorch GAN generator (and discriminator) into a MIForge prior folder.") { file, discriminator, prior, options, input, classes, outDir, maps, pluginsOption, verboseOption };
        command.SetAction(p => Guard(p, error, log =>
        {
            var catalog = HostSetup.Catalog(p.GetValue(pluginsOption) ?? [], settings);
            JObject? json = null;
            if (p.GetValue(options) is { } text)
            {
                try { json = JObject.Parse(text); }
                catch (JsonReaderException e) { throw new ManifestException(null, "--options", $"expected a JSON object: {e.Message}"); }
            }
            if (p.GetValue(classes) is var n && n < 1) throw new ManifestException(null, "--classes", $"expected a positive number of outputs, got {n}");
            var request = new PriorImportRequest(p.GetValue(file)!, p.GetValue(discriminator), new PluginRef<IPrior>(p.GetValue(prior)!, json),
                CheckpointImport.ParseShape(p.GetValue(input)!), p.GetValue(classes), p.GetValue(outDir)!, CheckpointImport.ParseRenames(p.GetValue(maps) ?? []));
            using var services = HostSetup.Services(log, p.GetValue(verboseOption));
            var counts = new PriorImport(catalog, services).Run(request);
            output.WriteLine($"{request.OutDirectory}: {string.Join(", ", counts.Select(kv => $"{kv.Value} {kv.Key} tensors"))} imported");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command VerifyCommand(TextWriter output, TextWriter error)
    {
        var run = new Argument<string>("run") { Description = "A run folder (the --out of miforge run)." };
        var command = new Command("verify", "Check every finished stage of a run folder against the sizes and SHA-256 its stage.json records.") { run, verboseOption };
        command.SetAction(p => Guard(p, error, _ =>
        {
            var (stages, files, problems) = RunVerification.Check(p.GetValue(run)!);
            foreach (var problem in problems) error.WriteLine($"error: {problem}");
            output.WriteLine($"{p.GetValue(run)}: {stages} stages, {files} files checked, {problems.Count} problem{(problems.Count == 1 ? "" : "s")}");
            return problems.Count == 0 ? ExitCodes.Success : ExitCodes.BadInput;
        }));
        return command;
    }

    /// <summary>Runs a command body, turning exceptions into messages and exit codes; stack traces only with --verbose.</summary>
    internal static int Guard(ParseResult p, TextWriter error, Func<RunLog, int> body)
    {
        var verbose = p.GetValue(verboseOption);
        using var log = new RunLog(error, verbose ? LogLevel.Debug : LogLevel.Warning);
        try
        {
            return body(log);
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("interrupted; finished stages are kept and the next run resumes after them");
            return ExitCodes.Failure;
        }
        catch (Exception e)
        {
            if (e is ManifestException m) ErrorLines.Write(error, m.Errors.Select(x => x.ToString()));
            else error.WriteLine($"error: {e.Message}");
            if (verbose) error.WriteLine(e.ToString());
            return ExitCodes.Of(e);
        }
    }
}
