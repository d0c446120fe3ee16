import { Field, InputType } from 'type-graphql';

@InputType({
  description:
    'One paper for ingestPapers, with the fields of a JSON Lines record. It is read, checked and extracted exactly as the CLI does.',
})
export class PaperInput {
  @Field(() => String, {
    nullable: true,
    description: 'Stable id; default: the slug of the title (the same id the CLI would give).',
  })
  id?: string;

  @Field(() => String, { description: 'Required; at most 1,000 characters.' })
  title!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The text entities are extracted from; at most 100,000 characters.',
  })
  abstract?: string;

  @Field(() => String, { nullable: true, description: 'An http(s) URL of the paper.' })
  url?: string;

  @Field(() => String, { nullable: true, description: 'An arXiv id such as 2106.08254.' })
  arxivId?: string;

  @Field(() => String, { nullable: true, description: 'Publication date, YYYY-MM-DD.' })
  published?: string;

  @Field(() => [String], { nullable: true })
  authors?: string[];

  @Field(() => [String], { nullable: true, description: 'Task names the paper states.' })
  tasks?: string[];

  @Field(() => [String], { nullable: true, description: 'Method names the paper states.' })
  methods?: string[];
}
