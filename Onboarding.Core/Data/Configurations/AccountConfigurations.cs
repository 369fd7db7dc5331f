using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Onboarding.Core.Accounts;

namespace Onboarding.Core.Data.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> e)
    {
        e.Property(o => o.Name).HasMaxLength(200);
        e.Property(o => o.NameKey).HasMaxLength(200);
        e.HasIndex(o => new { o.ProviderId, o.NameKey }).IsUnique();
        e.Property(o => o.BrandColour).HasMaxLength(9);
        e.HasOne(o => o.Provider).WithMany().HasForeignKey(o => o.ProviderId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> e)
    {
        e.Property(u => u.DisplayName).HasMaxLength(200);
        e.Property(u => u.TimeZone).HasMaxLength(64);
        e.Ignore(u => u.IsAdministrator);
        e.HasOne(u => u.Organisation).WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> e)
    {
        e.Property(i => i.Email).HasMaxLength(256);
        e.Property(i => i.TokenHash).HasMaxLength(64);
        e.HasIndex(i => i.TokenHash).IsUnique();
        e.HasOne(i => i.User).WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
