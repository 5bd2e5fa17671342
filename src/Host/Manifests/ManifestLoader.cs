using MIForge.Host.Options;
using MIForge.Host.Plugins;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Manifests;

/// <summary>Reads a manifest file: parses it, loads the plugin folders it names, expands its sweep,
/// binds and checks every point. Every problem is a <see cref="ManifestException"/> naming the
/// file and JSON path, or a <see cref="PluginLoadException"/> naming the folder.</summary>
/// <param name="maxSweepPoints">The most points a sweep may expand to (setting MAX_SWEEP_POINTS).</param>
/// <param name="trusted">Folders (with everything under them) a manifest may name in "plugins" although
/// they lie outside the manifest's own folder (--trust-plugins).</param>
public sealed class ManifestLoader(PluginCatalog catalog, long maxSweepPoints = Sweep.DefaultMaxPoints, IReadOnlyList<string>? trusted = null)
{
    public LoadedManifest Load(string path)
    {
        var file = Path.GetFullPath(path);
        if (Directory.Exists(file)) throw new ManifestException(path, "", "is a folder; expected a manifest JSON file");
        if (!File.Exists(file)) throw new ManifestException(path, "", "manifest file not found");
        byte[] bytes;
        try { bytes = File.ReadAllBytes(file); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ManifestException(path, "", $"cannot read the manifest: {e.Message}");
        }
        return Load(file, StrictJson.Decode(file, bytes));
    }

    public LoadedManifest Load(string file, string text)
    {
        var errors = new ErrorList(file);
        StrictJson.Check(text, errors);
        errors.ThrowIfAny();
        var given = Parse(file, text);
        LoadPluginFolders(given, Path.GetDirectoryName(file)!, errors);
        var points = Sweep.Expand(given, errors, maxSweepPoints);
        errors.ThrowIfAny();
        var binder = new OptionsBinder(catalog);
        var writer = new OptionsWriter(catalog);
        var bound = new List<ManifestPoint>();
        foreach (var p in points)
        {
            var model = (Manifest)binder.Bind(typeof(Manifest), p.Manifest, errors)!;
            if (!errors.Any) ManifestRules.Check(model, errors, ManifestIds.Assign(model));
            if (!errors.Any) ManifestRules.CheckFiles(model, Path.GetDirectoryName(file)!, errors);
            if (errors.Any) break;
            bound.Add(new ManifestPoint(p.Label, p.Manifest, model, (JObject)writer.Write(model)));
        }
        errors.ThrowIfAny();
        return new LoadedManifest(file, given, bound);
    }

    private static JObject Parse(string file, string text)
    {
        JToken root;
        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
            root = JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error, CommentHandling = CommentHandling.Ignore });
            while (reader.Read())
                if (reader.TokenType != JsonToken.Comment)
                    throw new JsonReaderException($"unexpected content after the manifest object at line {((IJsonLineInfo)reader).LineNumber}");
        }
        catch (JsonReaderException e)
        {
            throw new ManifestException(file, e.Path ?? "", $"invalid JSON: {e.Message}");
        }
        return root as JObject ?? throw new ManifestException(file, "", $"expected a JSON object at the top level, got {JsonTypeNames.Describe(root)}");
    }

    /// <summary>Adds the folders of "plugins": each must lie, with symbolic links resolved, inside the manifest's
    /// folder tree or a --trust-plugins folder, and so must every assembly in it.</summary>
    private void LoadPluginFolders(JObject root, string baseDir, ErrorList errors)
    {
        if (root["plugins"] is not JArray folders) return; // wrong types are reported by binding
        var allowed = (trusted ?? []).Select(PluginFolders.RealPath).Prepend(PluginFolders.RealPath(baseDir)).ToArray();
        bool Allowed(string path) => allowed.Any(a => PluginFolders.IsWithin(path, a));
        foreach (var f in folders)
        {
            if (f.Type != JTokenType.String) continue;
            var dir = Path.GetFullPath(Path.Combine(baseDir, (string)f!));
            var real = PluginFolders.RealPath(dir);
            if (!Allowed(real))
            {
                var linked = real == dir ? "" : $" (a symbolic link to '{real}')";
                errors.Add(f, $"plugin folder '{dir}'{linked} is outside the manifest's folder ({baseDir}); a manifest loads code only from its own folder tree: pass --trust-plugins {real} to load it, or use --plugins or MIFORGE_PLUGIN_PATH");
                continue;
            }
            if (!Directory.Exists(real))
            {
                errors.Add(f, $"plugin folder '{dir}' does not exist");
                continue;
            }
            var folderErrors = errors.Errors.Count;
            foreach (var folder in PluginFolders.Expand(real))
                foreach (var dll in Directory.EnumerateFiles(folder, "*.dll"))
                    if (PluginFolders.RealPath(dll) is var target && !Allowed(target))
                        errors.Add(f, $"'{dll}' in plugin folder '{dir}' is a symbolic link to '{target}', outside the manifest's folder ({baseDir}); pass --trust-plugins {Path.GetDirectoryName(target)} to load it");
            if (errors.Errors.Count > folderErrors) continue;
            foreach (var folder in PluginFolders.Expand(real)) catalog.AddFolder(folder);
        }
    }
}
