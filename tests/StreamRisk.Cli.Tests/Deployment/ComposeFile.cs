using YamlDotNet.RepresentationModel;

namespace StreamRisk.Cli.Tests.Deployment;

/// <summary>
/// docker-compose.yml as the Compose specification reads it: services with their environment, command, ports,
/// healthcheck and dependencies. Anchors and aliases (<c>*streamrisk-environment</c>) are resolved by the YAML loader.
/// </summary>
internal sealed class ComposeFile
{
    private readonly YamlMappingNode services;

    private ComposeFile(string text, YamlMappingNode root)
    {
        Text = text;
        services = (YamlMappingNode)root.Children[new YamlScalarNode("services")];
    }

    public string Text { get; }

    public static ComposeFile Load(string path)
    {
        var text = File.ReadAllText(path);
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return new ComposeFile(text, (YamlMappingNode)stream.Documents[0].RootNode);
    }

    public IEnumerable<string> ServiceNames => services.Children.Keys.Select(Scalar);

    public bool HasService(string name) => services.Children.ContainsKey(new YamlScalarNode(name));

    public YamlMappingNode Service(string name) => (YamlMappingNode)services.Children[new YamlScalarNode(name)];

    /// <summary>The services built from this repository (they have a <c>build</c> section).</summary>
    public IEnumerable<string> BuiltServices => ServiceNames.Where(s => Child(Service(s), "build") is not null);

    /// <summary>The environment of a service, from either the mapping or the <c>NAME=value</c> list form.</summary>
    public IReadOnlyDictionary<string, string> Environment(string service)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (Child(Service(service), "environment"))
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children) map[Scalar(key)] = Scalar(value);
                break;
            case YamlSequenceNode list:
                foreach (var entry in list.Children.Select(Scalar))
                {
                    var eq = entry.IndexOf('=');
                    map[eq < 0 ? entry : entry[..eq]] = eq < 0 ? "" : entry[(eq + 1)..];
                }
                break;
        }
        return map;
    }

    /// <summary>The command as an argument list (the exec form; a string is split on spaces as Compose does).</summary>
    public IReadOnlyList<string> Command(string service) => Child(Service(service), "command") switch
    {
        YamlSequenceNode list => list.Children.Select(Scalar).ToArray(),
        YamlScalarNode text => Scalar(text).Split(' ', StringSplitOptions.RemoveEmptyEntries),
        _ => [],
    };

    /// <summary>The ports other containers reach the service on: <c>expose</c> entries and the container side of <c>ports</c>.</summary>
    public IReadOnlySet<int> ContainerPorts(string service)
    {
        var ports = new HashSet<int>();
        if (Child(Service(service), "expose") is YamlSequenceNode expose)
        {
            foreach (var p in expose.Children.Select(Scalar)) ports.Add(int.Parse(p.Split('/')[0]));
        }
        if (Child(Service(service), "ports") is YamlSequenceNode published)
        {
            foreach (var p in published.Children.Select(Scalar)) ports.Add(int.Parse(p.Split('/')[0].Split(':')[^1]));
        }
        return ports;
    }

    /// <summary>Service name → condition (<c>service_started</c> for the short list form).</summary>
    public IReadOnlyDictionary<string, string> DependsOn(string service)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (Child(Service(service), "depends_on"))
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    map[Scalar(key)] = value is YamlMappingNode m && Child(m, "condition") is { } c ? Scalar(c) : "service_started";
                }
                break;
            case YamlSequenceNode list:
                foreach (var name in list.Children.Select(Scalar)) map[name] = "service_started";
                break;
        }
        return map;
    }

    public bool HasHealthcheck(string service) => Child(Service(service), "healthcheck") is YamlMappingNode h && Child(h, "test") is not null;

    public string? BuildValue(string service, string key) =>
        Child(Service(service), "build") is YamlMappingNode build && Child(build, key) is { } value ? Scalar(value) : null;

    public string? Value(string service, string key) => Child(Service(service), key) is YamlScalarNode s ? Scalar(s) : null;

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string Scalar(YamlNode node) =>
        (node as YamlScalarNode)?.Value ?? throw new InvalidDataException($"expected a scalar at {node.Start}, found {node.NodeType}");
}
