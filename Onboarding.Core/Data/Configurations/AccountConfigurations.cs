using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Onboarding.Core.Accounts;

namespace Onboarding.Core.Data.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> e)
    {
        e.Property(o => o.Name).HasMaxLength(TextLimits.Name);
        e.Property(o => o.BrandColour).HasMaxLength(TextLimits.Colour);
        e.Property(o => o.NameKey).HasMaxLength(TextLimits.Name);
        e.HasIndex(o => new { o.ProviderId, o.NameKey }).IsUnique();
        e.HasOne(o => o.Provider).WithMany().HasForeignKey(o => o.ProviderId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> e)
    {
        e.Property(u => u.DisplayName).HasMaxLength(TextLimits.Name);
        e.Ignore(u => u.IsAdministrator);
        e.HasOne(u => u.Organisation).WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> e)
    {
        e.Property(i => i.Email).HasMaxLength(TextLimits.Email);
        e.Property(i => i.TokenHash).HasMaxLength(TextLimits.Token);
        e.HasIndex(i => i.TokenHash).IsUnique();
        e.HasOne(i => i.User).WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
