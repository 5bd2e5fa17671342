using System.Collections;
using System.Globalization;
using System.Reflection;
using MIForge.Abstractions;
using MIForge.Host.Manifests;
using MIForge.Host.Plugins;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Options;

/// <summary>Binds JSON objects to typed options classes, reporting every problem with its JSON path
/// and what was expected. Plugin references are checked against <paramref name="plugins"/>.
/// An options class read from metadata only (a plugin from outside the install in `validate`) is checked
/// against its schema the same way, but nothing of it is created: no code of its assembly runs.</summary>
public sealed class OptionsBinder(IPluginNames? plugins)
{
    /// <summary>A new <paramref name="type"/> filled from <paramref name="json"/> (null = all defaults);
    /// null for a type read from metadata only, which is checked and not created.
    /// Problems go to <paramref name="errors"/>; the returned object then holds what could be bound.</summary>
    public object? Bind(Type type, JToken? json, ErrorList errors, string path = "")
    {
        var instance = MetadataTypes.IsLoaded(type) ? Activator.CreateInstance(type) ?? throw new InvalidOperationException($"cannot create {type}") : null;
        if (json is null || json.Type == JTokenType.Null) return CheckRequired(type, instance, null, errors, path);
        if (json is not JObject obj)
        {
            errors.Add(json.Path, $"expected an object with keys {Keys(type)}, got {JsonTypeNames.Describe(json)}");
            return instance;
        }
        var fields = OptionsSchema.Of(type);
        var before = errors.Errors.Count;
        foreach (var prop in obj.Properties())
        {
            var field = fields.FirstOrDefault(f => f.JsonName.Equals(prop.Name, StringComparison.OrdinalIgnoreCase));
            if (field is null)
            {
                errors.Add(prop.Path, $"unknown key '{prop.Name}'{NearestNames.Hint(prop.Name, fields.Select(f => f.JsonName).ToArray())}");
                continue;
            }
            if (TryConvert(field.Type, prop.Value, field.Nullable, errors, out var value) && InRange(field, value, prop.Value, errors) && instance is not null)
                field.Property.SetValue(instance, value);
        }
        CheckRequired(type, instance, obj, errors, path);
        if (errors.Errors.Count == before && instance is IValidatableOptions validatable) CheckRules(validatable, obj, errors);
        return instance;
    }

    /// <summary>The options' own rules across fields (loaded options only: a class read from metadata runs no code),
    /// each failure at the JSON path of the key it names.</summary>
    private static void CheckRules(IValidatableOptions options, JObject obj, ErrorList errors)
    {
        foreach (var failure in options.Validate())
        {
            var at = obj.Properties().FirstOrDefault(p => p.Name.Equals(failure.Key, StringComparison.OrdinalIgnoreCase))?.Path
                ?? (obj.Path.Length == 0 ? failure.Key : $"{obj.Path}.{failure.Key}");
            errors.Add(at, failure.Message);
        }
    }

    /// <summary>Converts one JSON value to <paramref name="type"/>; false (with an error) when it cannot.</summary>
    public bool TryConvert(Type type, JToken v, bool nullable, ErrorList errors, out object? value)
    {
        value = null;
        var under = MetadataTypes.NullableOf(type);
        if (v.Type == JTokenType.Null)
        {
            if (nullable || under is not null) return true;
            return Fail(errors, v, type);
        }
        var t = under ?? type;
        try
        {
            if (MetadataTypes.Is(t, typeof(string))) return v.Type == JTokenType.String ? Set(out value, (string)v!) : Fail(errors, v, t);
            if (MetadataTypes.Is(t, typeof(bool))) return v.Type == JTokenType.Boolean ? Set(out value, (bool)v) : Fail(errors, v, t);
            var isInt = MetadataTypes.Is(t, typeof(int));
            if (isInt || MetadataTypes.Is(t, typeof(long)))
            {
                if (v.Type != JTokenType.Integer) return Fail(errors, v, t);
                if (((JValue)v).Value is System.Numerics.BigInteger)
                {
                    errors.Add(v, isInt
                        ? $"expected an integer that fits in 32 bits, got {v}"
                        : $"expected an integer between {long.MinValue} and {long.MaxValue}, got {v}");
                    return false;
                }
                var big = v.Value<long>();
                if (isInt && (big < int.MinValue || big > int.MaxValue))
                {
                    errors.Add(v, $"expected an integer that fits in 32 bits, got {v}");
                    return false;
                }
                return Set(out value, isInt ? (object)(int)big : big);
            }
            var isFloat = MetadataTypes.Is(t, typeof(float));
            if (isFloat || MetadataTypes.Is(t, typeof(double)))
            {
                if (v.Type is not (JTokenType.Integer or JTokenType.Float)) return Fail(errors, v, t);
                var d = v.Value<double>();
                return Set(out value, isFloat ? (object)(float)d : d);
            }
        }
        catch (OverflowException)
        {
            errors.Add(v, $"expected {JsonTypeNames.Of(t)}, got {v} which is out of range");
            return false;
        }
        if (t.IsEnum) return TryEnum(t, v, errors, out value);
        if (MetadataTypes.IsA(t, typeof(JToken)))
        {
            if (MetadataTypes.IsLoaded(t) ? t.IsInstanceOfType(v) : MetadataTypes.IsA(v.GetType(), t)) return Set(out value, v.DeepClone());
            return Fail(errors, v, t);
        }
        if (JsonTypeNames.ElementType(t) is { } element) return TryList(t, element, v, errors, out value);
        if (JsonTypeNames.PluginRefKind(t) is { } kind) return TryPluginRef(t, kind, v, errors, out value);
        if (OptionsSchema.IsOptionsClass(t))
        {
            if (v is not JObject) return Fail(errors, v, t);
            var before = errors.Errors.Count;
            value = Bind(t, v, errors, v.Path);
            return errors.Errors.Count == before;
        }
        errors.Add(v, $"options of type {t.Name} cannot be read from JSON");
        return false;
    }

    private bool TryList(Type listType, Type element, JToken v, ErrorList errors, out object? value)
    {
        value = null;
        if (v is not JArray arr) return Fail(errors, v, listType);
        IList items = MetadataTypes.IsLoaded(element) ? (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))! : new List<object?>();
        var ok = true;
        foreach (var item in arr)
        {
            if (TryConvert(element, item, false, errors, out var x)) items.Add(x);
            else ok = false;
        }
        if (!ok) return false;
        if (!MetadataTypes.IsLoaded(element)) return Set(out value, null);
        if (listType.IsArray)
        {
            var a = Array.CreateInstance(element, items.Count);
            items.CopyTo(a, 0);
            value = a;
        }
        else value = items;
        return true;
    }

    private bool TryPluginRef(Type refType, PluginKind kind, JToken v, ErrorList errors, out object? value)
    {
        value = null;
        string? name = null;
        JObject? options = null;
        if (v.Type == JTokenType.String) name = (string)v!;
        else if (v is JObject o)
        {
            foreach (var p in o.Properties().Where(p => p.Name is not ("name" or "options")))
                errors.Add(p.Path, $"unknown key '{p.Name}' in a {kind.Name} reference; expected 'name' and optionally 'options'");
            if (o["name"] is not { Type: JTokenType.String } n)
            {
                errors.Add(o.Path, $"expected 'name': the name of a {kind.Name} plugin");
                return false;
            }
            name = (string)n!;
            if (o["options"] is { } opt && opt.Type != JTokenType.Null)
            {
                if (opt is not JObject oo) return Fail(errors, opt, typeof(object));
                options = oo;
            }
        }
        else
        {
            errors.Add(v, $"expected the name of a {kind.Name} plugin or {{\"name\": ..., \"options\": {{...}}}}, got {JsonTypeNames.Describe(v)}");
            return false;
        }
        var before = errors.Errors.Count;
        object? bound = null;
        if (plugins is not null)
        {
            var found = plugins.Find(kind, name);
            var at = v is JObject ? v["name"]!.Path : v.Path;
            if (found is null)
                errors.Add(at, $"unknown {kind.Name} plugin '{name}'{NearestNames.Hint(name, plugins.NamesOf(kind))}");
            else if (found.OptionsType is null && options is { Count: > 0 })
                errors.Add(options.Path, $"{kind.Name} '{name}' takes no options");
            else if (found.OptionsType is not null)
                bound = Bind(found.OptionsType, options, errors, options?.Path ?? v.Path);
        }
        value = MetadataTypes.IsLoaded(refType) ? Activator.CreateInstance(refType, name, options, bound) : null;
        return errors.Errors.Count == before;
    }

    private static bool TryEnum(Type t, JToken v, ErrorList errors, out object? value)
    {
        value = null;
        if (v.Type == JTokenType.String)
        {
            var s = Normalize((string)v!);
            foreach (var n in MetadataTypes.EnumNames(t))
                if (Normalize(n) == s) return Set(out value, MetadataTypes.IsLoaded(t) ? Enum.Parse(t, n) : null);
            errors.Add(v, $"expected {JsonTypeNames.Of(t)}, got \"{v}\"{Nearest((string)v!, t)}");
            return false;
        }
        return Fail(errors, v, t);
    }

    private static string Nearest(string given, Type enumType)
    {
        var near = NearestNames.Find(given, JsonTypeNames.EnumNames(enumType).ToArray(), 1);
        return near.Count == 0 ? "" : $" (did you mean \"{near[0]}\"?)";
    }

    private static string Normalize(string s) => s.Replace("-", "").Replace("_", "").ToLowerInvariant();

    private static bool InRange(OptionField field, object? value, JToken at, ErrorList errors)
    {
        if (field.Range is null || value is null) return true;
        if (field.Range.IsValid(value)) return true;
        errors.Add(at, $"expected {JsonTypeNames.Of(field.Type)} between {Format(field.Range.Minimum)} and {Format(field.Range.Maximum)}, got {at}");
        return false;
    }

    private static string Format(object o) => Convert.ToString(o, CultureInfo.InvariantCulture) ?? "";

    private static object? CheckRequired(Type type, object? instance, JObject? obj, ErrorList errors, string path)
    {
        foreach (var f in OptionsSchema.Of(type).Where(f => f.Required))
            if (obj?.Properties().Any(p => p.Name.Equals(f.JsonName, StringComparison.OrdinalIgnoreCase)) != true)
                errors.Add(path, $"missing required key '{f.JsonName}' ({JsonTypeNames.Of(f.Type)}{(f.Description is null ? "" : ": " + f.Description)})");
        return instance;
    }

    private static string Keys(Type type) => "{" + string.Join(", ", OptionsSchema.Of(type).Select(f => f.JsonName)) + "}";

    private static bool Set(out object? value, object? v)
    {
        value = v;
        return true;
    }

    private static bool Fail(ErrorList errors, JToken v, Type expected)
    {
        errors.Add(v, $"expected {Article(JsonTypeNames.Of(expected))}, got {JsonTypeNames.Describe(v)}");
        return false;
    }

    private static string Article(string typeName) =>
        typeName.StartsWith("one of") || typeName.StartsWith("list") || typeName.Contains("plugin") ? typeName
        : ("aeiou".Contains(typeName[0]) ? "an " : "a ") + typeName;
}
