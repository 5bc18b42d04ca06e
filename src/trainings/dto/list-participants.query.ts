import { PageQueryDto } from '../../common/pagination/pagination';

/** Paging of a training's participants (by name). */
export class ListParticipantsQuery extends PageQueryDto {}
