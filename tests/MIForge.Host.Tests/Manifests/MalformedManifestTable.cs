using System.Text;
using MIForge.Host.Tests.Fakes;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Tests.Manifests;

/// <summary>Malformed manifests, each as the bytes of a file and the JSON path its error must name
/// ("" when the error is about the file as a whole).</summary>
public static class MalformedManifestTable
{
    /// <summary>One malformed manifest: a short name, the file's bytes, the path the error names.</summary>
    public sealed record Case(string Name, byte[] Bytes, string Path)
    {
        public override string ToString() => Name;
    }

    /// <summary>Text cases: JSON that is broken or that Json.NET would accept though JSON does not.</summary>
    private static IEnumerable<Case> Texts()
    {
        Case Text(string name, string text, string path) => new(name, Encoding.UTF8.GetBytes(text), path);
        var valid = Workspace.Manifest().ToString();
        yield return Text("empty file", "", "");
        yield return Text("top-level array", "[]", "");
        yield return Text("top-level null", "null", "");
        yield return Text("top-level number", "42", "");
        yield return Text("unclosed object", "{ \"name\": \"x\"", "");
        yield return Text("missing value", "{ \"name\": }", "name");
        yield return Text("content after the object", valid + " {}", "");
        yield return Text("single-quoted string", valid.Replace("\"fake-run\"", "'fake-run'"), "name");
        yield return Text("single-quoted key", valid.Replace("\"seed\":", "'seed':"), "");
        yield return Text("unquoted key", valid.Replace("\"seed\":", "seed:"), "");
        yield return Text("NaN", valid.Replace("\"seed\": 7", "\"seed\": NaN"), "seed");
        yield return Text("Infinity", valid.Replace("\"weight\": 0.5", "\"weight\": Infinity"), "targets[0].defense.options.weight");
        yield return Text("number too large for a double", valid.Replace("\"weight\": 0.5", "\"weight\": 1e400"), "targets[0].defense.options.weight");
        yield return Text("undefined", valid.Replace("\"seed\": 7", "\"seed\": undefined"), "seed");
        yield return Text("duplicate key", valid.Replace("\"seed\": 7,", "\"seed\": 7, \"seed\": 8,"), "seed");
        yield return Text("keys equal but for case", valid.Replace("\"seed\": 7,", "\"seed\": 7, \"Seed\": 8,"), "Seed");
        yield return Text("nested keys equal but for case", valid.Replace("\"classes\": 6,", "\"classes\": 6, \"CLASSES\": 4,"), "data.dataset.options.CLASSES");
        yield return Text("trailing comma in a list", valid.Replace("\"fake-ood-gap\"", "\"fake-ood-gap\","), "metrics");
        var latin1 = Encoding.UTF8.GetBytes(valid.Replace("\"fake-run\"", "\"fake-run-XX\""));
        var at = Encoding.UTF8.GetBytes(valid).AsSpan().IndexOf("\"fake-run\""u8) + 10;
        latin1[at] = 0xE9; // é in Latin-1, not UTF-8
        latin1[at + 1] = (byte)'x';
        yield return new Case("Latin-1 byte", latin1, "");
        yield return new Case("UTF-16 file", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(valid)).ToArray(), "");
    }

    /// <summary>Edits of the valid fake manifest: a JSON path and the JSON to put there (null removes the key).</summary>
    private static IEnumerable<(string name, string at, string? json, string path)> Edits() =>
    [
        ("unknown root key", "seeed", "3", "seeed"),
        ("seed as a string", "seed", "\"seven\"", "seed"),
        ("seed of 10^26", "seed", "100000000000000000000000000", "seed"),
        ("fractional seed", "seed", "1.5", "seed"),
        ("empty name", "name", "\"\"", "name"),
        ("name with a slash", "name", "\"a/b\"", "name"),
        ("name with ..", "name", "\"..\"", "name"),
        ("name as a number", "name", "3", "name"),
        ("unknown device", "device", "\"tpu\"", "device"),
        ("negative threads", "threads", "-1", "threads"),
        ("too many threads", "threads", "5000", "threads"),
        ("threads beyond 32 bits", "threads", "4294967296", "threads"),
        ("plugins as a string", "plugins", "\"folder\"", "plugins"),
        ("plugins entry a number", "plugins", "[3]", "plugins[0]"),
        ("missing plugin folder", "plugins", "[\"no/such/folder\"]", "plugins[0]"),
        ("data missing", "data", null, ""),
        ("data null", "data", "null", "data"),
        ("data a number", "data", "3", "data"),
        ("dataset missing", "data.dataset", null, "data"),
        ("unknown dataset", "data.dataset.name", "\"fake-digit\"", "data.dataset.name"),
        ("dataset name a number", "data.dataset.name", "5", "data.dataset"),
        ("unknown dataset option", "data.dataset.options.clases", "6", "data.dataset.options.clases"),
        ("dataset option out of range", "data.dataset.options.classes", "1000", "data.dataset.options.classes"),
        ("dataset option wrong type", "data.dataset.options.classes", "\"six\"", "data.dataset.options.classes"),
        ("dataset options a list", "data.dataset.options", "[1]", "data.dataset.options"),
        ("split private not a list", "data.split.private", "3", "data.split.private"),
        ("split private of strings", "data.split.private", "[\"a\"]", "data.split.private[0]"),
        ("split private fractional", "data.split.private", "[0.5]", "data.split.private[0]"),
        ("split public huge", "data.split.public", "[100000000000000000000]", "data.split.public[0]"),
        ("unknown split key", "data.split.privat", "[0]", "data.split.privat"),
        ("unknown data key", "data.auxilary", "\"x\"", "data.auxilary"),
        ("unknown auxiliary dataset", "data.auxiliary", "\"no-such-set\"", "data.auxiliary"),
        ("evaluator a number", "evaluator", "3", "evaluator"),
        ("evaluator model unknown", "evaluator.model", "\"fake-lineer\"", "evaluator.model"),
        ("evaluator model missing", "evaluator.model", null, "evaluator"),
        ("negative epochs", "evaluator.training.epochs", "-1", "evaluator.training.epochs"),
        ("epochs as a string", "evaluator.training.epochs", "\"two\"", "evaluator.training.epochs"),
        ("epochs beyond 32 bits", "evaluator.training.epochs", "10000000000", "evaluator.training.epochs"),
        ("batch size 0", "evaluator.training.batchSize", "0", "evaluator.training.batchSize"),
        ("unknown optimizer", "evaluator.training.optimizer", "\"adamw2\"", "evaluator.training.optimizer"),
        ("negative learning rate", "evaluator.training.learningRate", "-1", "evaluator.training.learningRate"),
        ("unknown schedule", "evaluator.training.schedule", "\"bogus\"", "evaluator.training.schedule"),
        ("validation share too large", "evaluator.training.validation", "0.9", "evaluator.training.validation"),
        ("unknown training key", "evaluator.training.epoch", "2", "evaluator.training.epoch"),
        ("training a list", "evaluator.training", "[]", "evaluator.training"),
        ("evaluator checkpoint missing file", "evaluator.checkpoint", "\"no-such.safetensors\"", "evaluator.checkpoint"),
        ("targets not a list", "targets", "{}", "targets"),
        ("targets empty", "targets", "[]", "attacks"),
        ("target a string", "targets", "[\"fake-linear\"]", "targets[0]"),
        ("target model missing", "targets[0].model", null, "targets[0]"),
        ("target model unknown", "targets[0].model", "\"resnet\"", "targets[0].model"),
        ("target id with a space", "targets[0].id", "\"my target\"", "targets[0].id"),
        ("target id empty", "targets[0].id", "\"\"", "targets[0].id"),
        ("unknown defense", "targets[0].defense.name", "\"fake-defence\"", "targets[0].defense.name"),
        ("unknown defense option", "targets[0].defense.options.wieght", "1", "targets[0].defense.options.wieght"),
        ("defense option wrong type", "targets[0].defense.options.weight", "\"heavy\"", "targets[0].defense.options.weight"),
        ("unknown target key", "targets[0].trainings", "{}", "targets[0].trainings"),
        ("target checkpoint missing file", "targets[0].checkpoint", "\"gone.safetensors\"", "targets[0].checkpoint"),
        ("unknown prior", "prior", "\"fake-pior\"", "prior"),
        ("prior a number", "prior", "3", "prior"),
        ("unknown prior option", "prior", "{ \"name\": \"fake-prior\", \"options\": { \"bogus\": 1 } }", "prior.options.bogus"),
        ("attacks not a list", "attacks", "{}", "attacks"),
        ("attack missing", "attacks[0].attack", null, "attacks[0]"),
        ("unknown attack", "attacks[0].attack.name", "\"fake-atack\"", "attacks[0].attack.name"),
        ("unknown attack option", "attacks[0].attack.options.lamda", "3", "attacks[0].attack.options.lamda"),
        ("attack option wrong type", "attacks[0].attack.options.iterations", "\"many\"", "attacks[0].attack.options.iterations"),
        ("perClass 0", "attacks[0].perClass", "0", "attacks[0].perClass"),
        ("perClass negative", "attacks[0].perClass", "-3", "attacks[0].perClass"),
        ("unknown access", "attacks[0].access", "\"grey-box\"", "attacks[0].access"),
        ("attack on an unknown target", "attacks[0].targets", "[\"nope\"]", "attacks[0].targets[0]"),
        ("attack seeds as an unknown attack", "attacks[0].seedAs", "\"nope\"", "attacks[0].seedAs"),
        ("attack classes not a list", "attacks[0].classes", "\"all\"", "attacks[0].classes"),
        ("attack classes of strings", "attacks[0].classes", "[\"zero\"]", "attacks[0].classes[0]"),
        ("negative query budget", "attacks[0].queryBudget", "-1", "attacks[0].queryBudget"),
        ("unknown attack key", "attacks[0].perclass2", "2", "attacks[0].perclass2"),
        ("attack prior unknown", "attacks[0].prior", "\"fake-pior\"", "attacks[0].prior"),
        ("metrics a string", "metrics", "\"fake-attack-acc\"", "metrics"),
        ("unknown metric", "metrics", "[\"fake-attack-ac\"]", "metrics[0]"),
        ("metric a number", "metrics", "[3]", "metrics[0]"),
        ("ood sets not a list", "ood.sets", "{}", "ood.sets"),
        ("unknown ood dataset", "ood.sets[0].dataset.name", "\"fake-digitz\"", "ood.sets[0].dataset.name"),
        ("unknown ood scorer", "ood.scorers", "[\"fake-mps\"]", "ood.scorers[0]"),
        ("unknown ood key", "ood.scorer", "[]", "ood.scorer"),
        ("ood a list", "ood", "[]", "ood"),
        ("sweep a list", "sweep", "[1]", "sweep"),
        ("sweep path with an open bracket", "sweep", "{ \"attacks[\": [1] }", "sweep['attacks[']"),
        ("sweep path with recursive descent", "sweep", "{ \"$..epochs\": [1, 2] }", "sweep['$..epochs']"),
        ("sweep path with a filter", "sweep", "{ \"targets[?(@.id)]\": [1] }", "sweep['targets[?(@.id)]']"),
        ("sweep values not a list", "sweep", "{ \"seed\": 3 }", "sweep.seed"),
        ("sweep values empty", "sweep", "{ \"seed\": [] }", "sweep.seed"),
        ("sweep of the sweep", "sweep", "{ \"sweep.seed\": [1] }", "sweep['sweep.seed']"),
        ("sweep path without a parent", "sweep", "{ \"nope.deeper\": [1] }", "sweep['nope.deeper']"),
        ("sweep point with a bad value", "sweep", "{ \"seed\": [1, \"x\"] }", "seed"),
        ("sweep of a million points", "sweep", "{ \"seed\": " + Range(1000) + ", \"evaluator.training.epochs\": " + Range(1000) + " }", "sweep"),
        ("sweep of 10^24 points", "sweep", "{ \"seed\": " + Range(100) + ", \"threads\": " + Range(100) + ", \"attacks[0].perClass\": " + Range(100)
            + ", \"evaluator.training.epochs\": " + Range(100) + ", \"evaluator.training.batchSize\": " + Range(100) + ", \"targets[0].training.epochs\": " + Range(100)
            + ", \"targets[0].training.batchSize\": " + Range(100) + ", \"data.dataset.options.perClass\": " + Range(100)
            + ", \"data.dataset.options.classes\": " + Range(100) + ", \"attacks[0].attack.options.iterations\": " + Range(100)
            + ", \"targets[0].defense.options.weight\": " + Range(100) + ", \"prior\": " + Range(100) + " }", "sweep"),
    ];

    private static string Range(int n) => "[" + string.Join(",", Enumerable.Range(1, n)) + "]";

    /// <summary>Every case.</summary>
    public static IEnumerable<Case> All()
    {
        foreach (var c in Texts()) yield return c;
        foreach (var (name, at, json, path) in Edits())
        {
            var m = Workspace.Manifest();
            Set(m, at, json);
            yield return new Case(name, Encoding.UTF8.GetBytes(m.ToString()), path);
        }
    }

    /// <summary>Sets (or, for null, removes) the value at a dotted path with [index] parts; missing objects on the way are made.</summary>
    private static void Set(JObject m, string path, string? json)
    {
        var dot = path.LastIndexOf('.');
        var (parentPath, key) = dot < 0 ? ("", path) : (path[..dot], path[(dot + 1)..]);
        JToken parent = m;
        if (parentPath.Length > 0)
        {
            parent = m.SelectToken(parentPath) ?? new JObject();
            if (m.SelectToken(parentPath) is null)
            {
                Set(m, parentPath, "{}");
                parent = m.SelectToken(parentPath)!;
            }
        }
        var bracket = key.IndexOf('[');
        if (bracket > 0)
        {
            var list = (JArray)parent[key[..bracket]]!;
            var index = int.Parse(key[(bracket + 1)..^1]);
            if (json is null) list.RemoveAt(index);
            else list[index] = JToken.Parse(json);
            return;
        }
        var o = (JObject)parent;
        if (json is null) o.Remove(key);
        else o[key] = JToken.Parse(json, new JsonLoadSettings());
    }
}
