namespace StreamRisk.Infrastructure.Storage;

/// <summary>
/// The WHERE clause of a filtered read, built from fixed SQL fragments that name their parameters (<c>@name</c>, which
/// SQLite and Npgsql both bind): only the choice of fragments depends on the request, never the SQL text of a value.
/// </summary>
internal sealed class QueryConditions
{
    private readonly List<string> _clauses = [];
    private readonly List<(string Name, object Value)> _parameters = [];

    public IReadOnlyList<(string Name, object Value)> Parameters => _parameters;

    /// <summary>Adds <paramref name="clause"/> when <paramref name="value"/> is given, binding it to <paramref name="name"/>.</summary>
    public QueryConditions When(string? value, string clause, string name) =>
        When(clause, value is null ? null : [(name, value)]);

    /// <summary>Adds <paramref name="clause"/> when <paramref name="value"/> is given, binding it as the store holds it.</summary>
    public QueryConditions When<T>(T? value, string clause, string name, Func<T, object> convert) where T : struct =>
        When(clause, value is { } v ? [(name, convert(v))] : null);

    /// <summary>Adds a clause with several parameters, or nothing when <paramref name="parameters"/> is null.</summary>
    public QueryConditions When(string clause, params (string Name, object Value)[]? parameters)
    {
        if (parameters is not null)
        {
            _clauses.Add(clause);
            _parameters.AddRange(parameters);
        }
        return this;
    }

    public QueryConditions Bind(string name, object value)
    {
        _parameters.Add((name, value));
        return this;
    }

    public string Where => _clauses.Count == 0 ? "" : "WHERE " + string.Join(" AND ", _clauses);
}
