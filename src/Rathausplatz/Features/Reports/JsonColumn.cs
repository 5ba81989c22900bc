using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rathausplatz.Features.Reports;

/// <summary>
/// A value stored as JSON text: the same column type on SQLite and PostgreSQL, read whole and never
/// queried inside (list values of a field, the answers of a report). Compared by its JSON, so EF notices
/// changes made inside the list or dictionary.
/// </summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> property) where T : class, new() =>
        property.HasConversion(
                value => JsonSerializer.Serialize(value, Options),
                json => string.IsNullOrEmpty(json) ? new T() : JsonSerializer.Deserialize<T>(json, Options) ?? new T(),
                new ValueComparer<T>(
                    (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
                    value => JsonSerializer.Serialize(value, Options).GetHashCode(StringComparison.Ordinal),
                    value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Options), Options)!))
            .IsRequired();
}
