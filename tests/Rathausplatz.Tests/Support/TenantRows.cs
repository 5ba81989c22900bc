using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Rathausplatz.Data;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Tests.Support;

/// <summary>
/// Makes rows of any entity type from EF's metadata alone: required text gets a unique value,
/// required references get a row of their own. So a tenancy test covers an entity the day it is
/// added, without anyone writing a builder for it.
/// </summary>
public static class TenantRows
{
    /// <summary>The tenant-owned entity types of the model, each of which a query filter must scope.</summary>
    public static IReadOnlyList<IEntityType> TenantOwnedTypes(DbContext db) => db.Model.GetEntityTypes()
        .Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType) && !e.IsOwned() && !e.HasSharedClrType)
        .OrderBy(e => e.ClrType.Name)
        .ToList();

    /// <summary>Adds and saves one row of every tenant-owned type; <paramref name="db"/> works for the organisation.</summary>
    public static async Task<Dictionary<Type, object>> AddOneOfEachAsync(AppDb db, DateTime now)
    {
        var made = new Dictionary<Type, object>();
        foreach (var type in TenantOwnedTypes(db))
            Make(db, type, now, made);
        await db.SaveChangesAsync();
        return made;
    }

    private static object Make(AppDb db, IEntityType type, DateTime now, Dictionary<Type, object> made)
    {
        if (made.TryGetValue(type.ClrType, out var existing))
            return existing;
        var row = Activator.CreateInstance(type.ClrType, nonPublic: true)
            ?? throw new InvalidOperationException($"Cannot create a {type.ClrType.Name}.");
        made[type.ClrType] = row;

        // A check constraint may ask for one of several optional references (a progress update belongs to a
        // project or a proposal): the first optional reference it names gets a row, the others stay empty.
        var constrained = string.Join(" ", db.GetService<IDesignTimeModel>().Model.FindEntityType(type.ClrType)!.GetCheckConstraints().Select(c => c.Sql));
        var oneOptionalReference = constrained.Length > 0;
        foreach (var property in type.GetProperties().Where(p => p.PropertyInfo is { CanWrite: true }))
        {
            var current = property.PropertyInfo!.GetValue(row);
            var foreignKey = property.GetContainingForeignKeys().FirstOrDefault();
            if (property.IsNullable && oneOptionalReference && foreignKey is not null && constrained.Contains($"\"{property.GetColumnName()}\"", StringComparison.Ordinal))
                oneOptionalReference = false;
            else if (property.Name == nameof(ITenantOwned.OrganizationId) || property.IsNullable)
                continue; // the tenant is stamped on save; optional values stay empty
            if (foreignKey is not null && foreignKey.PrincipalEntityType.ClrType != typeof(Organization))
            {
                var principal = Make(db, foreignKey.PrincipalEntityType, now, made);
                var key = foreignKey.PrincipalKey.Properties[foreignKey.Properties.ToList().IndexOf(property)];
                property.PropertyInfo.SetValue(row, key.PropertyInfo!.GetValue(principal));
            }
            else if (IsUnset(current))
            {
                property.PropertyInfo.SetValue(row, SampleValue(property, now));
            }
        }
        db.Add(row);
        return row;
    }

    private static bool IsUnset(object? value) => value switch
    {
        null => true,
        string text => text.Length == 0,
        Guid id => id == Guid.Empty,
        DateTime time => time == default,
        _ => false,
    };

    private static object? SampleValue(IProperty property, DateTime now)
    {
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        if (type == typeof(string))
        {
            var text = Unique.Name("row");
            return property.GetMaxLength() is { } max && text.Length > max ? text[^max..] : text;
        }
        if (type == typeof(Guid)) return Guid.CreateVersion7();
        if (type == typeof(DateTime)) return now;
        if (type == typeof(DateTimeOffset)) return new DateTimeOffset(now);
        if (type == typeof(byte[])) return new byte[] { 1 };
        throw new NotSupportedException(
            $"TenantRows cannot make a {type.Name} for {property.DeclaringType.ClrType.Name}.{property.Name}: teach {nameof(SampleValue)} one.");
    }
}
