import { Ctx, RequestContext } from '@ashar/graphql';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ProposalPhotoType } from '../dtos/proposal-photo.type';
import { ProposalType } from '../dtos/participation.types';
import { Proposal } from '../entities/proposal.entity';
import { photoUrl, ProposalPhotoService } from '../services/proposal-photo.service';

@Resolver(() => ProposalType)
export class ProposalPhotosResolver {
  constructor(private readonly photos: ProposalPhotoService) {}

  @ResolveField('photos', () => [ProposalPhotoType], { description: 'Photos of the idea and of its implementation updates, oldest first (upload: POST /api/pb-proposals/{id}/photos)' })
  photosOf(@Parent() p: Proposal, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get<string, ProposalPhotoType[]>('participation.photos', async (ids) => {
      const all = await this.photos.ofProposals(ids);
      return ids.map((id) => all.filter((x) => x.proposalId === id).map((x) => ({ id: x.id, url: photoUrl(x.id), updateId: x.updateId, createdAt: x.createdAt })));
    }).load(p.id);
  }
}
