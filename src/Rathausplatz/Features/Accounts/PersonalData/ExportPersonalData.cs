using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore.Metadata;
using Rathausplatz.Data;

namespace Rathausplatz.Features.Accounts.PersonalData;

/// <summary>
/// The DSGVO's right of access and to data portability (Art. 15 and 20): everything stored about an account, as
/// one JSON document. Read from the data model rather than from a list kept by hand, so a feature's new table is
/// in the export as soon as it refers to the account: the account's <see cref="PersonalDataAttribute"/>
/// properties, every row of every table with a reference to the account, and the rows kept about its e-mail
/// address without an account (subscriptions, taking part by mail). Secrets (hashes, stamps, tokens) are left out:
/// they are not data about the person and would weaken the account if the file got out.
/// </summary>
public sealed class ExportPersonalData(AppDb db, TimeProvider time)
{
    private static readonly string[] SecretWords = ["Secret", "Hash", "Stamp", "Token", "Key", "Credential"];
    /// <summary>Identity's tokens table holds the authenticator key and recovery codes, under the harmless name "Value".</summary>
    private static readonly Type[] SecretTables = [typeof(IdentityUserToken<Guid>)];
    private static readonly JsonSerializerOptions Json = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
    private static readonly MethodInfo SetMethod = typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!;
    private static readonly MethodInfo RowsMethod = typeof(ExportPersonalData).GetMethod(nameof(RowsAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    public async Task<JsonObject> RunAsync(User user, CancellationToken ct)
    {
        var account = new JsonObject();
        foreach (var property in typeof(User).GetProperties().Where(p => p.IsDefined(typeof(PersonalDataAttribute))))
            account[property.Name] = JsonValue(property.GetValue(user));

        var tables = new JsonObject();
        var address = user.Email?.Trim().ToLowerInvariant();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => !e.IsOwned() && e.ClrType != typeof(User) && !e.HasSharedClrType && !SecretTables.Contains(e.ClrType)).OrderBy(e => e.ClrType.Name))
        {
            var filter = OwnedBy(entity, user.Id) ?? (address is null ? null : KeptFor(entity, address));
            if (filter is null)
                continue;
            var rows = await (Task<List<object>>)RowsMethod.MakeGenericMethod(entity.ClrType).Invoke(null, [db, filter, ct])!;
            if (rows.Count > 0)
                tables[entity.ClrType.Name] = new JsonArray(rows.Select(row => (JsonNode)Row(entity, row)).ToArray());
        }
        return new JsonObject
        {
            ["exportiertAm"] = time.GetUtcNow().UtcDateTime,
            ["konto"] = account,
            ["daten"] = tables,
        };
    }

    /// <summary>Rows whose reference to an account (any foreign key to <see cref="User"/>) names this one.</summary>
    private static LambdaExpression? OwnedBy(IEntityType entity, Guid userId)
    {
        var keys = entity.GetForeignKeys().Where(fk => fk.PrincipalEntityType.ClrType == typeof(User) && fk.Properties.Count == 1).ToList();
        return keys.Count == 0 ? null : Matching(entity, keys.Select(k => k.Properties[0]), userId);
    }

    /// <summary>Rows kept about an address without an account: a personal-data property called Email.</summary>
    private static LambdaExpression? KeptFor(IEntityType entity, string address) =>
        entity.FindProperty("Email") is { PropertyInfo: { } info } email && info.IsDefined(typeof(PersonalDataAttribute)) && email.ClrType == typeof(string)
            ? Matching(entity, [email], address)
            : null;

    /// <summary><c>row => row.A == value || row.B == value …</c>, through <see cref="EF.Property{T}"/> so EF translates it.</summary>
    private static LambdaExpression Matching(IEntityType entity, IEnumerable<IProperty> properties, object value)
    {
        var row = Expression.Parameter(entity.ClrType, "row");
        var test = properties.Select(p => (Expression)Expression.Equal(
                Expression.Call(typeof(EF).GetMethod(nameof(EF.Property))!.MakeGenericMethod(p.ClrType), row, Expression.Constant(p.Name)),
                Expression.Convert(Expression.Constant(value), p.ClrType)))
            .Aggregate(Expression.OrElse);
        return Expression.Lambda(typeof(Func<,>).MakeGenericType(entity.ClrType, typeof(bool)), test, row);
    }

    private static async Task<List<object>> RowsAsync<T>(AppDb db, LambdaExpression filter, CancellationToken ct) where T : class =>
        (await db.Set<T>().AsNoTracking().Where((Expression<Func<T, bool>>)filter).ToListAsync(ct)).Cast<object>().ToList();

    private static JsonObject Row(IEntityType entity, object row)
    {
        var json = new JsonObject();
        foreach (var property in entity.GetProperties().Where(p => !p.IsShadowProperty() && !SecretWords.Any(w => p.Name.Contains(w, StringComparison.Ordinal))))
            json[property.Name] = JsonValue(property.GetGetter().GetClrValue(row));
        return json;
    }

    private static JsonNode? JsonValue(object? value) => value is null ? null : JsonSerializer.SerializeToNode(value, value.GetType(), Json);
}
