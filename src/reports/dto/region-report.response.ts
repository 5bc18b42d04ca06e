import { ApiProperty } from '@nestjs/swagger';
import { OrganizationRefResponse } from '../../programs/dto/program.response';
import { FacilityFiguresResponse, GrantFiguresResponse, MentoringFiguresResponse, PlanFiguresResponse } from './figures.response';

/** The region a report is about. */
export class ReportRegionResponse {
  @ApiProperty({ example: '63' })
  code: string;

  @ApiProperty({ example: 'Kalimantan Selatan' })
  name: string;

  @ApiProperty({ enum: ['province', 'regency'], example: 'province' })
  level: 'province' | 'regency';
}

/** The district (kecamatan) a region report is narrowed to. */
export class ReportDistrictResponse {
  @ApiProperty({ example: '63.71.03' })
  code: string;

  @ApiProperty({ example: 'Banjarmasin Barat' })
  name: string;
}

/** Schools of a regency (or of the whole region) by their partners in the year's cohort. */
export class RegionSchoolCountsResponse {
  @ApiProperty({ example: 120, description: 'Schools of the region that are not archived, and any archived one still in the cohort.' })
  schools: number;

  @ApiProperty({ example: 14, description: "In the year's cohort of at least one company's program." })
  withPartner: number;

  @ApiProperty({ example: 106 })
  withoutPartner: number;

  @ApiProperty({ example: 2, description: 'With partners of two or more companies: possible duplication of support.' })
  severalPartners: number;

  @ApiProperty({ example: 16, description: 'School–company pairs: the sum of partners over the schools.' })
  partnerLinks: number;
}

/** One regency/city of the region with its schools, plans, grants and mentoring of the year. */
export class RegencyReportResponse extends RegionSchoolCountsResponse {
  @ApiProperty({ example: '63.71' })
  code: string;

  @ApiProperty({ nullable: true, type: String, example: 'Kota Banjarmasin' })
  name: string | null;

  @ApiProperty({ type: PlanFiguresResponse })
  plans: PlanFiguresResponse;

  @ApiProperty({ type: GrantFiguresResponse })
  grants: GrantFiguresResponse;

  @ApiProperty({ type: FacilityFiguresResponse, description: 'In-kind facilities support that reached the schools (handed over), beside the cash grants.' })
  facilities: FacilityFiguresResponse;

  @ApiProperty({ type: MentoringFiguresResponse })
  mentoring: MentoringFiguresResponse;
}

/** The whole region's totals: the same figures over every regency. */
export class RegionTotalsResponse extends RegionSchoolCountsResponse {
  @ApiProperty({ type: PlanFiguresResponse })
  plans: PlanFiguresResponse;

  @ApiProperty({ type: GrantFiguresResponse })
  grants: GrantFiguresResponse;

  @ApiProperty({ type: FacilityFiguresResponse, description: 'In-kind facilities support that reached the schools (handed over), beside the cash grants.' })
  facilities: FacilityFiguresResponse;

  @ApiProperty({ type: MentoringFiguresResponse })
  mentoring: MentoringFiguresResponse;
}

/** How many schools have a given number of partners. */
export class PartnersPerSchoolResponse {
  @ApiProperty({ example: 1 })
  partners: number;

  @ApiProperty({ example: 12 })
  schools: number;
}

/** A school of the region with its partners in the year's cohort. */
export class RegionSchoolResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000201' })
  id: string;

  @ApiProperty({ example: 'SDN Pelambuan 4 Banjarmasin' })
  name: string;

  @ApiProperty({ nullable: true, type: String, example: '30300001' })
  npsn: string | null;

  @ApiProperty({ nullable: true, type: String, example: '63.71' })
  regionCode: string | null;

  @ApiProperty({ type: [OrganizationRefResponse], description: 'The companies, by name.' })
  companies: OrganizationRefResponse[];
}

/** A company with schools of the region in the year's cohort. */
export class RegionCompanyResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000101' })
  id: string;

  @ApiProperty({ example: 'PT Trakindo Utama' })
  name: string;

  @ApiProperty({ example: 3 })
  schools: number;

  @ApiProperty({ type: [String], example: ['Generasi Trakindo'] })
  programs: string[];
}

/** Which schools of a region have partners, from whom, where support is missing or duplicated. */
export class RegionReportResponse {
  @ApiProperty({ type: ReportRegionResponse })
  region: ReportRegionResponse;

  @ApiProperty({ type: ReportDistrictResponse, nullable: true, description: 'The district (kecamatan) every figure is narrowed to, when one was asked for.' })
  district: ReportDistrictResponse | null;

  @ApiProperty({ example: 2026 })
  year: number;

  @ApiProperty({ example: '2026-07-15' })
  asOf: string;

  @ApiProperty({ type: RegionTotalsResponse })
  totals: RegionTotalsResponse;

  @ApiProperty({ type: [RegencyReportResponse], description: 'Each regency/city with schools, by code.' })
  regencies: RegencyReportResponse[];

  @ApiProperty({ type: [PartnersPerSchoolResponse], description: 'How many schools have 0, 1, 2... partners.' })
  partnersPerSchool: PartnersPerSchoolResponse[];

  @ApiProperty({ type: [RegionSchoolResponse], description: 'Schools with two or more partners.' })
  duplicated: RegionSchoolResponse[];

  @ApiProperty({ type: [RegionSchoolResponse], description: 'Every school with a partner in the year, with its partners, by regency and name.' })
  schoolsWithPartners: RegionSchoolResponse[];

  @ApiProperty({ type: [RegionCompanyResponse], description: 'Companies active in the region, most schools first.' })
  companies: RegionCompanyResponse[];
}
