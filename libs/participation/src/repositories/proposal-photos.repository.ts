import { managerOf, Transaction } from '@ashar/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { ProposalPhoto } from '../entities/proposal-photo.entity';

/** `pb_photos`. The bytes are read only by the download (`select: false` elsewhere). */
@Injectable()
export class ProposalPhotosRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  ofProposals(ids: readonly string[]): Promise<ProposalPhoto[]> {
    return ids.length ? this.db.getRepository(ProposalPhoto).find({ where: { proposalId: In([...ids]) }, order: { createdAt: 'ASC', id: 'ASC' } }) : Promise.resolve([]);
  }

  withContent(id: string): Promise<ProposalPhoto | null> {
    return this.db.getRepository(ProposalPhoto).createQueryBuilder('p').addSelect('p.content').where('p.id = :id', { id }).getOne();
  }

  countOf(tx: Transaction, proposalId: string): Promise<number> {
    return managerOf(tx).getRepository(ProposalPhoto).countBy({ proposalId });
  }

  findSame(tx: Transaction, proposalId: string, sha256: string): Promise<ProposalPhoto | null> {
    return managerOf(tx).getRepository(ProposalPhoto).findOneBy({ proposalId, sha256 });
  }

  async insert(tx: Transaction, values: Omit<ProposalPhoto, 'id' | 'createdAt' | 'proposal'>): Promise<ProposalPhoto> {
    const r = managerOf(tx).getRepository(ProposalPhoto);
    const row = r.create(values);
    await r.insert(row);
    return (await r.findOneBy({ id: row.id }))!;
  }
}
