using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Rathausplatz.Data;

namespace Rathausplatz.Web.OutputCaching;

/// <summary>
/// The one place that keeps cached pages honest: every save that adds, changes or deletes an entity a
/// feature declared public (<see cref="PublicContentOptions.EvictOnChangeOf{T}"/>) evicts the cached pages of
/// its organisation, once the change is committed: at once after a plain save, at commit inside an explicit
/// transaction (a page made in between would otherwise be stored with the old content). Use cases need not
/// remember it, and scheduled publishing, editing, unpublishing and settings all go through it.
/// </summary>
/// <remarks>
/// Bulk <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> bypass the change tracker and so this hook; code that changes
/// public content that way must evict itself (none does).
/// </remarks>
internal sealed class EvictOnContentChange(IServiceProvider services, IOptions<PublicContentOptions> options, ILogger<EvictOnContentChange> logger)
    : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    // Organisations whose pages changed, per context, between the save and the commit. Null stands for "all".
    private readonly ConditionalWeakTable<DbContext, HashSet<Guid?>> pending = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
            EvictAsync(eventData.Context).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
            await EvictAsync(eventData.Context);
        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
            Discard(eventData.Context);
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        EvictAsync(eventData.Context).AsTask().GetAwaiter().GetResult();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        EvictAsync(eventData.Context).AsTask();

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Discard(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
            return;
        var entities = options.Value.Entities;
        HashSet<Guid?>? changed = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)
                || !entities.TryGetValue(entry.Metadata.ClrType, out var entity) || !entity.Shows(entry.Entity))
                continue;
            var organization = entity.OrganizationOf(entry.Entity);
            if (organization is null && context is AppDb db && db.CurrentOrganizationId != Guid.Empty)
                organization = db.CurrentOrganizationId;
            (changed ??= []).Add(organization);
        }
        if (changed is null)
            return;
        lock (pending)
        {
            if (pending.TryGetValue(context, out var earlier))
                earlier.UnionWith(changed);
            else
                pending.Add(context, changed);
        }
    }

    private void Discard(DbContext? context)
    {
        if (context is null)
            return;
        lock (pending)
            pending.Remove(context);
    }

    private async ValueTask EvictAsync(DbContext? context)
    {
        if (context is null)
            return;
        HashSet<Guid?>? organizations;
        lock (pending)
        {
            if (!pending.TryGetValue(context, out organizations))
                return;
            pending.Remove(context);
        }
        var store = services.GetRequiredService<IOutputCacheStore>();
        try
        {
            if (organizations.Contains(null))
                await store.EvictByTagAsync(PublicPageCache.AllTag, CancellationToken.None);
            else
                foreach (var organization in organizations)
                    await store.EvictByTagAsync(PublicPageCache.OrganizationTag(organization!.Value), CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The change is saved; a store that cannot be reached (Redis down) must not turn it into an error.
            // Its entries run out after OutputCache:MaxAge.
            logger.LogWarning(e, "Cached public pages could not be evicted after a change");
        }
    }
}
