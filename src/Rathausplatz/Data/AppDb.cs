using System.Linq.Expressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Rathausplatz.Features.Accounts;

namespace Rathausplatz.Data;

/// <summary>
/// The one model. Entity configuration lives beside each feature's entities and is applied from
/// the assembly; provider subclasses (<see cref="SqliteAppDb"/>, <see cref="PostgresAppDb"/>) only
/// exist so each provider keeps its own migrations. It names <see cref="User"/> because Identity's
/// context is generic over the user type.
/// </summary>
public abstract class AppDb(DbContextOptions options, TenantContext tenant)
    : IdentityDbContext<User, IdentityRole<Guid>, Guid, IdentityUserClaim<Guid>, IdentityUserRole<Guid>,
        IdentityUserLogin<Guid>, IdentityRoleClaim<Guid>, IdentityUserToken<Guid>, IdentityUserPasskey<Guid>>(options),
      IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Read by the global query filters; Guid.Empty matches no row, so an unset tenant sees nothing.</summary>
    internal Guid CurrentOrganizationId => tenant.OrganizationId ?? Guid.Empty;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDb).Assembly, t => !t.IsAbstract);

        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType)))
        {
            builder.Entity(entity.ClrType).HasQueryFilter(TenantFilter(entity.ClrType));
            builder.Entity(entity.ClrType).HasIndex(nameof(ITenantOwned.OrganizationId));
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // Store UTC everywhere and read it back as UTC (SQLite forgets the kind).
        configuration.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampTenant();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampTenant();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    // New tenant rows take the current organisation; a row written for another one is a bug, not data.
    private void StampTenant()
    {
        foreach (var entry in ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State == EntityState.Added && entry.Entity.OrganizationId == Guid.Empty)
                entry.Entity.OrganizationId = CurrentOrganizationId;
            if (entry.State is EntityState.Added or EntityState.Modified
                && tenant.OrganizationId is { } current && entry.Entity.OrganizationId != current)
                throw new InvalidOperationException($"A {entry.Metadata.ClrType.Name} of another organisation cannot be written here.");
        }
    }

    private LambdaExpression TenantFilter(Type clrType)
    {
        var row = Expression.Parameter(clrType, "row");
        var rowOrganization = Expression.Property(row, nameof(ITenantOwned.OrganizationId));
        var current = Expression.Property(Expression.Constant(this), nameof(CurrentOrganizationId));
        return Expression.Lambda(Expression.Equal(rowOrganization, current), row);
    }
}

internal sealed class UtcDateTimeConverter()
    : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

public sealed class SqliteAppDb(DbContextOptions<SqliteAppDb> options, TenantContext tenant) : AppDb(options, tenant);

public sealed class PostgresAppDb(DbContextOptions<PostgresAppDb> options, TenantContext tenant) : AppDb(options, tenant);
